package cl.compraagil.subscription.billing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Stripe secret key is configured: the local checkout adapter and its pages are active. */
public class LocalBillingCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String key = context.getEnvironment().getProperty("billing.stripe.secret-key");
        return key == null || key.isBlank();
    }

    /** The opposite: real Stripe. */
    public static class Stripe implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new LocalBillingCondition().matches(context, metadata);
        }
    }
}
