package uk.attendance.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Java in a policy (consequences, function bodies, accumulate code) and the expressions
 * (constraints, {@code eval}, {@code from}) with JavaParser: every type it names, every name that
 * could be a class and every member it calls must be on the {@link PolicyAllowlist}. What JavaParser
 * cannot parse is refused rather than guessed at.
 */
final class PolicyCode {

    /** Something refused, at a line and column of the checked text (both from 1). */
    record Finding(int line, int column, String message) {
    }

    private static final String ALLOWED = "a policy may use the fact model, its parameters and plain values "
            + "(strings, numbers, Math, java.time, java.util collections)";
    private static final Set<String> RULE_CONTEXT = Set.of("kcontext", "drools");

    /** DRL operators that are not Java; each becomes {@code ==}, which keeps both operands to check. */
    private static final Pattern DRL_OPERATOR = Pattern.compile(
            "(?<![\\w$.])(?:not\\s+)?(?:contains|excludes|matches|memberOf|soundslike|str\\s*\\[\\s*\\w+\\s*]"
                    + "|(?:after|before|coincides|during|finishes|finishedby|includes|meets|metby|overlaps|overlappedby"
                    + "|starts|startedby)(?:\\s*\\[[^\\]\"']*])?)(?![\\w$])");
    private static final Pattern IN = Pattern.compile("(?<![\\w$.])(not\\s+)?in\\s*\\(");
    private static final Pattern BINDING = Pattern.compile("^\\s*[$\\w]+\\s*:=?(?!:)");

    private final PolicyNames names;
    private boolean mvel;
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    PolicyCode(PolicyNames names) {
        this.names = names;
    }

    /**
     * A DRL constraint, {@code from} or attribute expression (DRL operators allowed). MVEL evaluates these,
     * and MVEL knows class names of its own beyond the policy's imports (such as {@code Array} for
     * {@code java.lang.reflect.Array}), so an unknown capitalised name is refused here rather than taken for a variable.
     */
    List<Finding> constraint(String text) {
        mvel = true;
        try {
            return expression(drlToJava(text));
        } finally {
            mvel = false;
        }
    }

    List<Finding> expression(String text) {
        ParseResult<Expression> parsed = parser.parseExpression(text);
        return parsed.isSuccessful() ? check(parsed.getResult().orElseThrow()) : unparsed(parsed);
    }

    /** Statements: a consequence, a function body, accumulate init/action/reverse code. */
    List<Finding> block(String code) {
        ParseResult<com.github.javaparser.ast.stmt.BlockStmt> parsed = parser.parseBlock("{" + modifyToJava(code) + "\n}");
        if (!parsed.isSuccessful()) {
            return unparsed(parsed);
        }
        // The "{" added in front shifts the first line by one column.
        return check(parsed.getResult().orElseThrow()).stream()
                .map(f -> f.line() == 1 ? new Finding(1, Math.max(1, f.column() - 1), f.message()) : f).toList();
    }

    /** A type as written in a global, a pattern, a declared field or a function signature. */
    List<Finding> type(String text) {
        ParseResult<Type> parsed = parser.parseType(text);
        return parsed.isSuccessful() ? check(parsed.getResult().orElseThrow()) : unparsed(parsed);
    }

    /**
     * A declared type's field default or an enum constant's argument: a literal or a constant such
     * as {@code Period.PREVIOUS_HALF_TERM}, never a call — the class runs it as it is built.
     */
    List<Finding> plainValue(String text) {
        ParseResult<Expression> parsed = parser.parseExpression(text);
        if (!parsed.isSuccessful()) {
            return unparsed(parsed);
        }
        Expression value = parsed.getResult().orElseThrow();
        if (value instanceof UnaryExpr unary && (unary.getOperator() == UnaryExpr.Operator.MINUS
                || unary.getOperator() == UnaryExpr.Operator.PLUS)) {
            value = unary.getExpression();
        }
        boolean literal = value instanceof StringLiteralExpr || value instanceof IntegerLiteralExpr
                || value instanceof LongLiteralExpr || value instanceof DoubleLiteralExpr || value instanceof BooleanLiteralExpr
                || value instanceof CharLiteralExpr || value instanceof NullLiteralExpr;
        boolean constant = value instanceof NameExpr || value instanceof FieldAccessExpr fieldAccess && isNameChain(fieldAccess);
        if (!literal && !constant) {
            return List.of(at(value, "must be a plain value (a number, text, true/false, null or a constant), not code"));
        }
        return check(value);
    }

    private static boolean isNameChain(Expression e) {
        while (e instanceof FieldAccessExpr f) {
            e = f.getScope();
        }
        return e instanceof NameExpr;
    }

    private List<Finding> check(Node root) {
        List<Finding> findings = new ArrayList<>();
        root.walk(Node.TreeTraversal.PREORDER, node -> visit(node, findings));
        return findings;
    }

    private void visit(Node node, List<Finding> findings) {
        if (node instanceof ClassExpr) {
            findings.add(at(node, "'" + node + "' is reflection, which a policy may not use"));
        } else if (node instanceof ClassOrInterfaceType type) {
            if (!(type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer && outer.getScope().orElse(null) == type)) {
                checkType(type, type.getNameWithScope(), findings);
            }
        } else if (node instanceof NameExpr || node instanceof FieldAccessExpr) {
            Expression e = (Expression) node;
            if (!(e.getParentNode().orElse(null) instanceof FieldAccessExpr f && f.getScope() == e)) {
                checkNameChain(e, findings);
            }
        } else if (node instanceof MethodCallExpr call) {
            forbiddenMember(call, call.getNameAsString(), findings);
        } else if (node instanceof MethodReferenceExpr reference) {
            forbiddenMember(reference, reference.getIdentifier(), findings);
        } else if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            findings.add(at(node, "an anonymous class is not allowed in a policy: it is code"));
        } else if (node instanceof LocalClassDeclarationStmt || node instanceof LocalRecordDeclarationStmt
                || node instanceof TypeDeclaration<?>) {
            findings.add(at(node, "a class declared in code is not allowed in a policy; use 'declare'"));
        } else if (node instanceof AnnotationExpr) {
            findings.add(at(node, "annotations are not allowed in policy code"));
        }
    }

    private void forbiddenMember(Node node, String member, List<Finding> findings) {
        if (PolicyAllowlist.FORBIDDEN_MEMBERS.contains(member)) {
            findings.add(at(node, "'" + member + "' is not allowed in a policy: " + ALLOWED));
        }
    }

    private void checkType(Node node, String name, List<Finding> findings) {
        PolicyNames.Resolution r = names.qualified(name);
        switch (r.kind()) {
            case DISALLOWED -> findings.add(at(node, r.className().replace('$', '.') + " is not allowed in a policy: " + ALLOWED));
            case UNKNOWN -> findings.add(at(node, "unknown type '" + name + "': " + ALLOWED));
            default -> { }
        }
    }

    /** {@code a.b.c}: each member name must be allowed, and the first prefix that names a class must be allowed. */
    private void checkNameChain(Expression chain, List<Finding> findings) {
        LinkedList<String> segments = new LinkedList<>();
        Expression e = chain;
        while (e instanceof FieldAccessExpr f) {
            segments.addFirst(f.getNameAsString());
            e = f.getScope();
        }
        for (String member : segments) {
            forbiddenMember(chain, member, findings);
        }
        if (!(e instanceof NameExpr head)) {
            return;
        }
        segments.addFirst(head.getNameAsString());
        if (RULE_CONTEXT.contains(head.getNameAsString())) {
            checkRuleContext(head, segments.size(), findings);
            return;
        }
        PolicyNames.Resolution r = names.qualified(segments);
        if (r.kind() == PolicyNames.Kind.DISALLOWED) {
            findings.add(at(chain, r.className().replace('$', '.') + " is not allowed in a policy: " + ALLOWED));
        } else if (r.kind() == PolicyNames.Kind.UNKNOWN && mvel && Character.isUpperCase(segments.getFirst().charAt(0))) {
            findings.add(at(chain, "unknown name '" + segments.getFirst() + "': " + ALLOWED));
        }
    }

    /**
     * {@code kcontext}/{@code drools} reach the whole session and the rule base; a policy may only
     * hand them to the fact model ({@code Recommendation.of(kcontext, ...)}) or read the rule's name.
     */
    private void checkRuleContext(NameExpr head, int chainLength, List<Finding> findings) {
        Node parent = head.getParentNode().orElse(null);
        boolean handedToFactModel = chainLength == 1 && (
                parent instanceof MethodCallExpr call && call.getArguments().contains(head)
                        && call.getScope().map(this::isFactModel).orElse(false)
                || parent instanceof ObjectCreationExpr creation && creation.getArguments().contains(head)
                        && isFactModelType(creation.getType().getNameWithScope()));
        boolean ruleName = chainLength == 1 && parent instanceof MethodCallExpr getRule && getRule.getScope().orElse(null) == head
                && getRule.getNameAsString().equals("getRule") && getRule.getArguments().isEmpty()
                && getRule.getParentNode().orElse(null) instanceof MethodCallExpr getName && getName.getScope().orElse(null) == getRule
                && Set.of("getName", "getPackageName").contains(getName.getNameAsString());
        if (!handedToFactModel && !ruleName) {
            findings.add(at(head, "'" + head.getNameAsString() + "' is not allowed here: it may only be passed to the fact model "
                    + "(e.g. Recommendation.of(kcontext, ...)) or used as " + head.getNameAsString() + ".getRule().getName()"));
        }
    }

    private boolean isFactModel(Expression scope) {
        return (scope instanceof NameExpr || scope instanceof FieldAccessExpr) && isFactModelType(scope.toString());
    }

    private boolean isFactModelType(String name) {
        PolicyNames.Resolution r = names.qualified(name);
        return r.kind() == PolicyNames.Kind.ALLOWED && r.className().startsWith(PolicyAllowlist.FACT_PACKAGE);
    }

    private static Finding at(Node node, String message) {
        return node.getBegin().map(p -> new Finding(p.line, p.column, message)).orElse(new Finding(1, 1, message));
    }

    private static List<Finding> unparsed(ParseResult<?> parsed) {
        Problem problem = parsed.getProblems().get(0);
        int line = problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
        int column = problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.column).orElse(1);
        String detail = problem.getMessage().lines().findFirst().orElse("").replaceFirst("^Parse error\\. ", "");
        return List.of(new Finding(line, column, "this cannot be checked as plain Java, so it is not allowed in a policy ("
                + detail + ")"));
    }

    /**
     * A DRL constraint as a Java expression for checking: the binding ({@code $x :}) and the null-safe
     * dot become spaces, DRL operators become {@code ==} and {@code in (...)} a call, so every operand
     * is still there to check. String literals are left alone.
     */
    static String drlToJava(String text) {
        String masked = maskLiterals(text);
        StringBuilder out = new StringBuilder(text);
        List<int[]> edits = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        Matcher binding = BINDING.matcher(masked);
        if (binding.find()) {
            edits.add(new int[] {binding.start(), binding.end()});
            replacements.add(" ".repeat(binding.end() - binding.start()));
        }
        for (Matcher m = DRL_OPERATOR.matcher(masked); m.find(); ) {
            edits.add(new int[] {m.start(), m.end()});
            replacements.add(m.group().startsWith("not") ? "!=" : "==");
        }
        for (Matcher m = IN.matcher(masked); m.find(); ) {
            edits.add(new int[] {m.start(), m.end()});
            replacements.add(m.group(1) != null ? "!= __in(" : "== __in(");
        }
        for (int i = masked.indexOf("!."); i >= 0; i = masked.indexOf("!.", i + 2)) {
            edits.add(new int[] {i, i + 2});
            replacements.add(" .");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(edits.get(b)[0], edits.get(a)[0]));
        int limit = Integer.MAX_VALUE;
        for (int i : order) {
            int[] edit = edits.get(i);
            if (edit[1] <= limit) {
                out.replace(edit[0], edit[1], replacements.get(i));
                limit = edit[0];
            }
        }
        return out.toString();
    }

    /**
     * {@code modify($x) { setA(1), setB(2) }} is DRL, not Java: it becomes the call
     * {@code __modify($x, setA(1), setB(2));}, which keeps every expression to check.
     */
    static String modifyToJava(String code) {
        String masked = maskLiterals(code);
        Matcher m = Pattern.compile("(?<![\\w$.])modify\\s*\\(").matcher(masked);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find(copied)) {
            int open = m.end() - 1;
            int close = matching(masked, open, '(', ')');
            int brace = close < 0 ? -1 : skipSpace(masked, close + 1);
            if (brace < 0 || brace >= masked.length() || masked.charAt(brace) != '{') {
                break;
            }
            int end = matching(masked, brace, '{', '}');
            if (end < 0) {
                break;
            }
            String target = code.substring(open + 1, close);
            String body = code.substring(brace + 1, end);
            out.append(code, copied, m.start()).append("__modify(").append(target)
                    .append(body.isBlank() ? "" : ", " + body).append(");");
            copied = end + 1;
        }
        return out.append(code.substring(copied)).toString();
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == opening) {
                depth++;
            } else if (s.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text with the inside of string and char literals and comments blanked, so operators are found only in code. */
    static String maskLiterals(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        out[j++] = '_';
                    }
                    out[j++] = '_';
                }
                i = j + 1;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                boolean line = text.charAt(i + 1) == '/';
                int end = line ? text.indexOf('\n', i) : text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : line ? end : end + 2;
                for (int j = i; j < end; j++) {
                    if (out[j] != '\n') {
                        out[j] = ' ';
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return new String(out);
    }
}
