package uk.attendance.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * A policy is data, never code: before any DRL is compiled (validation, dry runs, loads and
 * reloads all go through {@link PolicyCompiler#compile}), it is parsed with Drools' own DRL parser
 * and every import, global, declared type, function, pattern, constraint, {@code eval}, {@code from},
 * accumulate and consequence is checked against {@link PolicyAllowlist} with JavaParser. Anything
 * outside it is an error at its file and line, and nothing is compiled, so nothing of the policy runs.
 */
public final class PolicySafety {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u+[0-9a-fA-F]{4}");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max", "collectList",
            "collectSet", "countDistinct", "variance", "standardDeviation");
    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "enabled", "no-loop", "lock-on-active",
            "agenda-group", "activation-group", "auto-focus", "ruleflow-group", "date-effective", "date-expires", "dialect");
    private static final Set<String> TYPE_ANNOTATIONS = Set.of("role", "timestamp", "duration", "expires", "key", "position",
            "propertyReactive", "classReactive", "typesafe", "serialVersionUID", "format", "label", "description", "watch",
            "Propagation", "All", "Direct");
    private static final Pattern PLAIN_ANNOTATION_VALUE = Pattern.compile("\"[^\"\\\\]*\"|[\\w\\s,!*+-]*");

    private PolicySafety() {
    }

    /**
     * The reasons {@code ladder} may not be compiled, empty when every file is within the allowlist.
     * Types and functions declared in the statutory rules or any of the files may be used by all.
     */
    public static List<CompileError> check(List<RuleSource> ladder) {
        List<CompileError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (RuleSource source : ladder) {
            Parsed p = parse(source, errors);
            if (p != null) {
                parsed.add(p);
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        List<Parsed> context = new ArrayList<>(parsed);
        context.addAll(Statutory.PARSED);
        for (Parsed p : parsed) {
            new FileCheck(p, context, errors).run();
        }
        return errors;
    }

    private record Parsed(RuleSource source, PackageDescr pkg) {
    }

    /** The statutory rules, parsed once: their declared types may be used by every ladder. */
    private static final class Statutory {
        static final List<Parsed> PARSED = PolicyCompiler.statutoryRules().stream()
                .map(source -> parse(source, new ArrayList<>())).filter(Objects::nonNull).toList();
    }

    private static Parsed parse(RuleSource source, List<CompileError> errors) {
        var escape = UNICODE_ESCAPE.matcher(source.content());
        if (escape.find()) {
            int line = lineOf(source.content(), escape.start());
            errors.add(new CompileError(source.name(), line, escape.start() - source.content().lastIndexOf('\n', escape.start() - 1),
                    "a unicode escape (\\uXXXX) is not allowed in a policy: type the character itself"));
            return null;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.content());
        } catch (DroolsParserException | RuntimeException e) {
            errors.add(new CompileError(source.name(), 0, 0, "the file does not parse: " + e.getMessage()));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
                int column = error instanceof ParserError p ? p.getCol() : 0;
                errors.add(new CompileError(source.name(), line, column, error.getMessage()));
            }
            if (parser.getErrors().isEmpty()) {
                errors.add(new CompileError(source.name(), 0, 0, "the file does not parse"));
            }
            return null;
        }
        return new Parsed(source, pkg);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** One file's descriptors, walked top-down; every error names the file and line. */
    private static final class FileCheck {

        private final Parsed file;
        private final List<CompileError> errors;
        private final PolicyNames names;
        private final PolicyCode code;
        private final String text;

        FileCheck(Parsed file, List<Parsed> context, List<CompileError> errors) {
            this.file = file;
            this.errors = errors;
            this.text = file.source().content();
            this.names = new PolicyNames(file.pkg().getName());
            for (Parsed p : context) {
                p.pkg().getTypeDeclarations().forEach(t -> names.declare(t.getTypeName()));
                p.pkg().getEnumDeclarations().forEach(t -> names.declare(t.getTypeName()));
            }
            this.code = new PolicyCode(names);
        }

        void run() {
            PackageDescr pkg = file.pkg();
            for (ImportDescr i : pkg.getImports()) {
                checkImport(i);
            }
            for (FunctionImportDescr i : pkg.getFunctionImports()) {
                error(i, "'import function " + i.getTarget() + "' is not allowed in a policy: declare a function instead");
            }
            for (AccumulateImportDescr i : pkg.getAccumulateImports()) {
                error(i, "'import accumulate " + i.getTarget() + "' is not allowed in a policy");
            }
            if (pkg.getUnit() != null) {
                error(pkg.getUnit(), "rule units are not supported in a policy");
            }
            attributes(pkg.getAttributes());
            for (GlobalDescr global : pkg.getGlobals()) {
                type(global, global.getType());
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                declaredType(type);
            }
            for (EnumDeclarationDescr type : pkg.getEnumDeclarations()) {
                declaredEnum(type);
            }
            for (WindowDeclarationDescr window : pkg.getWindowDeclarations()) {
                lhs(window.getPattern());
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                function(function);
            }
            for (RuleDescr rule : pkg.getRules()) {
                rule(rule);
            }
        }

        private void checkImport(ImportDescr i) {
            String target = i.getTarget().trim();
            if (target.endsWith(".*")) {
                String pkgName = target.substring(0, target.length() - 2);
                boolean allowed = (pkgName + ".").equals(PolicyAllowlist.FACT_PACKAGE)
                        || Set.of("java.util", "java.time", "java.math", "java.util.function", "java.util.stream",
                                "java.time.temporal", "java.time.format", "java.lang").contains(pkgName);
                if (!allowed) {
                    error(i, "import " + target + " is not allowed in a policy: import the fact model (uk.attendance.rules.fact.*) "
                            + "and plain value types only");
                    return;
                }
                names.importPackage(pkgName);
                return;
            }
            PolicyNames.Resolution r = names.qualified(target);
            if (r.kind() == PolicyNames.Kind.DISALLOWED || r.kind() == PolicyNames.Kind.UNKNOWN) {
                error(i, "import " + target + " is not allowed in a policy: a policy may use the fact model, its parameters "
                        + "and plain values (strings, numbers, Math, java.time, java.util collections)");
                return;
            }
            if (r.className() != null) {
                names.importType(target);
            }
        }

        private void attributes(Collection<AttributeDescr> attributes) {
            for (AttributeDescr attribute : attributes) {
                String name = attribute.getName();
                String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
                if (!RULE_ATTRIBUTES.contains(name)) {
                    error(attribute, "the attribute '" + name + "' is not supported in a policy");
                } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                    error(attribute, "dialect " + value + " is not allowed in a policy: consequences are written in Java");
                } else if (name.equals("salience") || name.equals("enabled")) {
                    at(attribute.getLine(), attribute.getColumn() + 1, code.constraint(value));
                }
            }
        }

        private void annotations(AnnotatedBaseDescr descr, boolean typeLevel) {
            for (AnnotationDescr annotation : descr.getAnnotations()) {
                if (typeLevel && !TYPE_ANNOTATIONS.contains(annotation.getName())) {
                    error(annotation.getLine() > 0 ? annotation : descr, "the annotation @" + annotation.getName()
                            + " is not supported in a policy");
                    continue;
                }
                for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
                    String v = String.valueOf(value.getValue()).trim();
                    if (!PLAIN_ANNOTATION_VALUE.matcher(v).matches() || v.matches(".*\\bnew\\b.*")) {
                        error(annotation.getLine() > 0 ? annotation : descr, "the value of @" + annotation.getName()
                                + " must be plain text or a number, not code");
                    }
                }
            }
        }

        private void declaredType(TypeDeclarationDescr type) {
            annotations(type, true);
            if (type.isTrait()) {
                error(type, "traits are not supported in a policy");
            }
            existingTypeRedeclared(type, type.getTypeName());
            type.getSuperTypes().forEach(s -> type(type, s.getFullName()));
            fields(type.getTypeName(), type.getFields().values(), type);
        }

        private void declaredEnum(EnumDeclarationDescr type) {
            annotations(type, true);
            existingTypeRedeclared(type, type.getTypeName());
            fields(type.getTypeName(), type.getFields().values(), type);
            for (EnumLiteralDescr literal : type.getLiterals()) {
                for (String argument : literal.getConstructorArgs()) {
                    int line = literal.getLine() > 0 ? literal.getLine() : type.getLine();
                    for (PolicyCode.Finding f : code.plainValue(argument)) {
                        error(line, literal.getColumn() + 1, "the argument of enum constant " + type.getTypeName() + "." + literal.getName()
                                + " " + f.message());
                    }
                }
            }
        }

        /** {@code declare java.io.File} would attach policy metadata to a class outside the allowlist. */
        private void existingTypeRedeclared(BaseDescr descr, String typeName) {
            if (typeName.contains(".")) {
                PolicyNames.Resolution r = names.qualified(typeName);
                if (r.kind() == PolicyNames.Kind.DISALLOWED) {
                    error(descr, r.className() + " is not allowed in a policy");
                }
            }
        }

        private void fields(String typeName, Collection<TypeFieldDescr> fields, BaseDescr owner) {
            for (TypeFieldDescr field : fields) {
                annotations(field, true);
                BaseDescr where = field.getLine() > 0 ? field : owner;
                if (field.getPattern() != null) {
                    type(where, field.getPattern().getObjectType());
                }
                if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
                    for (PolicyCode.Finding f : code.plainValue(field.getInitExpr())) {
                        error(where.getLine(), where.getColumn() + 1, "the default of field '" + field.getFieldName() + "' of "
                                + typeName + " " + f.message());
                    }
                }
            }
        }

        private void function(FunctionDescr function) {
            if (function.getDialect() != null && !function.getDialect().equals("java")) {
                error(function, "function " + function.getName() + ": only Java functions are allowed in a policy");
            }
            type(function, function.getReturnType());
            function.getParameterTypes().forEach(t -> type(function, t));
            block(function, function.getBody());
        }

        private void rule(RuleDescr rule) {
            annotations(rule, false);
            attributes(rule.getAttributes().values());
            if (rule instanceof QueryDescr query && query.getParameterTypes() != null) {
                for (String t : query.getParameterTypes()) {
                    type(rule, t);
                }
            }
            if (rule.getLhs() != null) {
                lhs(rule.getLhs());
            }
            if (rule.getConsequence() != null) {
                consequence(rule, rule.getConsequence());
            }
            rule.getNamedConsequences().values().forEach(c -> consequence(rule, c));
        }

        private void consequence(RuleDescr rule, Object consequence) {
            if (!(consequence instanceof String java)) {
                error(rule, "this consequence cannot be checked");
                return;
            }
            int from = rule.getStartCharacter() >= 0 ? rule.getStartCharacter() : 0;
            int offset = text.indexOf(java, from);
            if (offset < 0) {
                at(rule.getConsequenceLine(), 1, code.block(java));
            } else {
                at(lineOf(text, offset), offset - text.lastIndexOf('\n', offset - 1), code.block(java));
            }
        }

        /** Statements found in the file at or after {@code descr}; errors are placed at their own lines. */
        private void block(BaseDescr descr, String java) {
            if (java == null || java.isBlank()) {
                return;
            }
            int offset = text.indexOf(java, Math.max(0, descr.getStartCharacter()));
            if (offset < 0) {
                at(descr.getLine(), descr.getColumn() + 1, code.block(java));
            } else {
                at(lineOf(text, offset), offset - text.lastIndexOf('\n', offset - 1), code.block(java));
            }
        }

        private void lhs(BaseDescr descr) {
            if (descr == null) {
                return;
            }
            if (descr instanceof PatternDescr pattern) {
                annotations(pattern, false);
                if (pattern.getObjectType() != null && !pattern.isQuery()) {
                    type(pattern, pattern.getObjectType());
                }
                for (BaseDescr constraint : pattern.getDescrs()) {
                    lhs(constraint);
                }
                lhs(pattern.getSource());
            } else if (descr instanceof ExprConstraintDescr constraint) {
                expression(constraint, constraint.getExpression());
            } else if (descr instanceof EvalDescr eval) {
                expression(eval, String.valueOf(eval.getContent()));
            } else if (descr instanceof FromDescr from) {
                if (from.getDataSource() instanceof MVELExprDescr source) {
                    expression(from, source.getExpression());
                } else {
                    error(from, "this 'from' cannot be checked");
                }
            } else if (descr instanceof CollectDescr collect) {
                lhs(collect.getInputPattern());
            } else if (descr instanceof AccumulateDescr accumulate) {
                accumulate(accumulate);
            } else if (descr instanceof EntryPointDescr || descr instanceof WindowReferenceDescr) {
                return;
            } else if (descr instanceof ConditionalElementDescr element) {
                for (BaseDescr child : element.getDescrs()) {
                    lhs(child);
                }
            } else {
                error(descr, "this part of the rule (" + descr.getClass().getSimpleName().replace("Descr", "")
                        + ") is not supported in a policy");
            }
        }

        private void accumulate(AccumulateDescr accumulate) {
            lhs(accumulate.getInput());
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    error(accumulate, "the accumulate function '" + function.getFunction() + "' is not allowed in a policy");
                }
                for (String parameter : function.getParams()) {
                    expression(accumulate, parameter);
                }
            }
            block(accumulate, accumulate.getInitCode());
            block(accumulate, accumulate.getActionCode());
            block(accumulate, accumulate.getReverseCode());
            if (accumulate.getResultCode() != null && !accumulate.getResultCode().isBlank()) {
                expression(accumulate, accumulate.getResultCode());
            }
        }

        private void expression(BaseDescr descr, String expression) {
            at(descr.getLine(), descr.getColumn() + 1, code.constraint(expression));
        }

        private void type(BaseDescr descr, String type) {
            if (type != null && !type.isBlank()) {
                at(descr.getLine(), descr.getColumn() + 1, code.type(type));
            }
        }

        /** Findings of text that starts at {@code line}:{@code column} of the file. */
        private void at(int line, int column, List<PolicyCode.Finding> findings) {
            for (PolicyCode.Finding f : findings) {
                int l = Math.max(line, 1) + f.line() - 1;
                int c = f.line() == 1 ? Math.max(column, 1) + f.column() - 1 : f.column();
                error(l, c, f.message());
            }
        }

        private void error(BaseDescr descr, String message) {
            error(descr.getLine(), descr.getColumn() + 1, message);
        }

        private void error(int line, int column, String message) {
            CompileError error = new CompileError(file.source().name(), Math.max(line, 0), Math.max(column, 1), message);
            if (!errors.contains(error)) {
                errors.add(error);
            }
        }
    }
}
