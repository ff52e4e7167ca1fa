package cl.compraagil.gateway.support;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Takes named beans of Spring Cloud Gateway's auto-configuration out of the context, for the few whose work a
 * gateway class does instead and whose bean has no condition to switch it off.
 */
public final class StockBeans {

    private StockBeans() {
    }

    /** A post-processor (declare it from a {@code static} bean method) that removes {@code names} where present. */
    public static BeanDefinitionRegistryPostProcessor removing(String... names) {
        List<String> removed = List.of(names);
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                for (String name : removed) {
                    if (registry.containsBeanDefinition(name)) {
                        registry.removeBeanDefinition(name);
                    }
                }
            }
        };
    }
}
