package com.seatledger.topics.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Messages are records, and Jackson 3.1 builds each record through
 * {@code MethodHandle.invokeWithArguments}, which makes a new spreading handle on every call: in a
 * profile of the api-app at 1,000 holds/s, reading the 20-byte body of a hold request cost ~8 % of
 * its CPU and reading the seat-status events ~10 %, mostly there. {@link Constructor#newInstance}
 * keeps its spreading handle, so the same constructor is called through it instead; a failing
 * constructor is reported exactly as Jackson reports it.
 */
final class ReflectiveCreators extends SimpleModule {

    ReflectiveCreators() {
        super("reflective-creators");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                    BeanDescription.Supplier bean, ValueInstantiator found) {
                if (found.getClass() == StdValueInstantiator.class
                        && ((StdValueInstantiator) found).getWithArgsCreator() instanceof AnnotatedConstructor c
                        && c.getAnnotated().trySetAccessible()) {
                    return new Reflective((StdValueInstantiator) found, c.getAnnotated());
                }
                return found;
            }
        });
    }

    private static final class Reflective extends StdValueInstantiator {
        private final Constructor<?> constructor;

        Reflective(StdValueInstantiator found, Constructor<?> constructor) {
            super(found);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                // what the constructor itself threw, as Jackson's own call would have passed it on
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e.getCause()));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            }
        }
    }
}
