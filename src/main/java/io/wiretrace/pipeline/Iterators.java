package io.wiretrace.pipeline;

import java.util.Iterator;
import java.util.function.Function;

/** Lazy iterator mapping for partition functions: one element in memory at a time. */
public final class Iterators {

    private Iterators() {}

    public static <A, B> Iterator<B> map(Iterator<A> in, Function<? super A, ? extends B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(in.next());
            }
        };
    }
}
