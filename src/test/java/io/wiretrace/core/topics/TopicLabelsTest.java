package io.wiretrace.core.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

    @Test
    void distinctiveTermsBeatFrequentSharedOnes() {
        String[] vocab = {"government", "election", "ballot", "football", "minister"};
        // "government" is the heaviest term in the topic but as heavy in the corpus: not distinctive.
        double[] topic = {0.6, 0.5, 0.4, 0.0, 0.2};
        double[] corpus = {0.6, 0.2, 0.1, 0.5, 0.2};
        TopicLabels.Topic t = TopicLabels.label(3, topic, corpus, vocab, 3, "s1", "Polls open");
        List<String> terms = t.topTerms().stream().map(TopicLabels.Term::term).toList();
        // ballot: less weight than election but far rarer in the corpus.
        assertEquals(List.of("ballot", "election"), terms);
        assertEquals(false, terms.contains("football"));
        assertEquals("ballot, election", t.label());
        assertEquals(3, t.topicId());
        assertEquals("Polls open", t.centralTitle());
    }

    @Test
    void aTopicWithNothingDistinctiveSaysSo() {
        TopicLabels.Topic t = TopicLabels.label(0, new double[] {1, 1}, new double[] {1, 1}, new String[] {"a", "b"}, 5,
                null, null);
        assertEquals("(no distinctive terms)", t.label());
        assertEquals(0, t.topTerms().size());
    }
}
