package uk.attendance.rules.fact;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;
import uk.attendance.action.MatchedValue;

/**
 * Why a rule fired: the values of the facts it matched that its conditions read (the properties its patterns
 * constrain or bind), read when its consequence runs, so as they stood on the day judged. Package-private, so a
 * policy cannot name it: what an action says it read is what the engine matched.
 */
final class MatchedFacts {

    /** Joins between facts, not values a lead needs to read. */
    private static final Set<String> HIDDEN = Set.of("pupilId", "id", "class");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Per compiled ladder (weakly, so a discarded candidate goes), per rule: the properties each fact type's patterns read. */
    private static final Map<KieBase, Map<String, Map<Class<?>, Set<String>>>> READ_BY_RULE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Class<?>, List<PropertyDescriptor>> PROPERTIES = new ConcurrentHashMap<>();

    private MatchedFacts() {
    }

    /** The values the firing rule's conditions read; a request for a penalty notice stands for what its own rule read. */
    static List<MatchedValue> of(RuleContext context) {
        Match match = context.getMatch();
        if (match == null) {
            return List.of();
        }
        Map<Class<?>, Set<String>> read = match.getRule() instanceof RuleImpl rule
                ? READ_BY_RULE.computeIfAbsent(context.getKieRuntime().getKieBase(), kieBase -> new ConcurrentHashMap<>())
                        .computeIfAbsent(rule.getPackageName() + "." + rule.getName(), key -> propertiesRead(rule))
                : Map.of();
        List<MatchedValue> values = new ArrayList<>();
        for (Object fact : match.getObjects()) {
            if (fact instanceof PenaltyNoticeRequest request) {
                values.addAll(request.getBecause());
                continue;
            }
            if (fact == null) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            read.forEach((type, properties) -> {
                if (type.isInstance(fact)) {
                    names.addAll(properties);
                }
            });
            if (names.isEmpty()) {
                continue;
            }
            String name = name(fact);
            for (PropertyDescriptor property : properties(fact.getClass())) {
                if (names.contains(property.getName()) && !HIDDEN.contains(property.getName())) {
                    values.add(new MatchedValue(name, property.getName(), text(read(fact, property))));
                }
            }
        }
        return values.stream().distinct().toList();
    }

    private static Map<Class<?>, Set<String>> propertiesRead(RuleImpl rule) {
        Map<Class<?>, Set<String>> read = new LinkedHashMap<>();
        collect(rule.getLhs(), read);
        return read;
    }

    private static void collect(RuleConditionElement element, Map<Class<?>, Set<String>> read) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            if (pattern.getObjectType() instanceof ClassObjectType type && type.getClassType().getPackage() == MatchedFacts.class.getPackage()) {
                StringBuilder text = new StringBuilder();
                for (Constraint constraint : pattern.getConstraints()) {
                    text.append(' ').append(constraint instanceof MVELConstraint mvel ? mvel.getExpression() : constraint.toString());
                }
                for (Declaration binding : pattern.getDeclarations().values()) {
                    text.append(' ').append(binding.getBindingName()).append(' ').append(binding.getExtractor());
                }
                String constraints = STRING_LITERAL.matcher(text).replaceAll("\"\"");
                Set<String> names = read.computeIfAbsent(type.getClassType(), t -> new LinkedHashSet<>());
                for (PropertyDescriptor property : properties(type.getClassType())) {
                    if (Pattern.compile("\\b" + Pattern.quote(property.getName()) + "\\b").matcher(constraints).find()) {
                        names.add(property.getName());
                    }
                }
            }
        } else if (element instanceof GroupElement group && !group.isNot()) {
            group.getChildren().forEach(child -> collect(child, read));
        }
    }

    private static List<PropertyDescriptor> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            try {
                return List.of(Introspector.getBeanInfo(t, Object.class).getPropertyDescriptors()).stream()
                        .filter(p -> p.getReadMethod() != null).toList();
            } catch (IntrospectionException e) {
                return List.of();
            }
        });
    }

    private static Object read(Object fact, PropertyDescriptor property) {
        try {
            return property.getReadMethod().invoke(fact);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "unreadable";
        }
    }

    private static String name(Object fact) {
        if (fact instanceof InterventionFact intervention) {
            return "InterventionFact " + intervention.getKind() + (intervention.getType() == null ? "" : " " + intervention.getType())
                    + " of " + intervention.getDate();
        }
        if (fact instanceof ActionFact action) {
            return "ActionFact " + action.getType() + " raised " + action.getRaisedOn();
        }
        if (fact instanceof PeriodFacts period) {
            return "PeriodFacts " + period.getPeriod();
        }
        return fact.getClass().getSimpleName();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() ? "none" : BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? "none" : String.join(", ", values.stream().map(String::valueOf).toList());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return String.valueOf(value);
    }
}
