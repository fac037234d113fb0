package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrackedEntitiesTest {

    private static TrackedEntities seed;

    @BeforeAll
    static void loadSeed() {
        seed = TrackedEntities.load(SeedFiles.trackedEntities());
    }

    private static List<String> canonicals(String text) {
        return seed.match(text).stream().map(TrackedMatch::canonical).toList();
    }

    private static List<String> surfaces(String text) {
        return seed.match(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void seedFileHasEveryScenarioEntityWithItsType() {
        assertThat(seed.entities()).extracting(TrackedEntity::name).contains(
                "Elon Musk", "Donald Trump", "Ron DeSantis", "X (platform)", "Kamala Harris", "Tim Walz",
                "Harris-Walz campaign", "Trump campaign", "Joseph Costello", "Steven Cheung", "Truth Social",
                "David Sacks", "Tesla", "Thierry Breton", "European Union", "FBI", "JD Vance", "Project 2025",
                "The Verge");
        assertThat(seed.byName("X (platform)")).get().extracting(TrackedEntity::type).isEqualTo(EntityType.ORGANIZATION);
        assertThat(seed.byName("Project 2025")).get().extracting(TrackedEntity::type).isEqualTo(EntityType.MISC);
        assertThat(seed.byName("Ron DeSantis")).get().extracting(TrackedEntity::aliases).asList().contains("DeSanctus");
    }

    @Test
    void namesEachEntityOnceInTextOrder() {
        assertThat(seed.namedIn("@elonmusk and Trump on X; Elon again")).containsExactly("Elon Musk", "Donald Trump", "X (platform)");
        assertThat(seed.namedIn("nothing tracked here")).isEmpty();
    }

    @Test
    void singleLetterXMatchesOnlyOnItsOwn() {
        assertThat(canonicals("X is down")).containsExactly("X (platform)");
        assertThat(canonicals("they blamed X's servers")).containsExactly("X (platform)");
        assertThat(canonicals("attack on 𝕏")).containsExactly("X (platform)");
        assertThat(canonicals("𝕏!")).containsExactly("X (platform)");
        assertThat(canonicals("my Xbox works, SpaceX launched, XX marks")).isEmpty();
        assertThat(canonicals("3 x 4 is twelve")).as("X is case-sensitive in the seed file").isEmpty();
    }

    @Test
    void aliasesIgnoreCaseButNotWordBoundaries() {
        assertThat(canonicals("the DeSanctus TWITTER launch")).containsExactly("Ron DeSantis", "X (platform)");
        assertThat(canonicals("MUSK and musk")).containsExactly("Elon Musk", "Elon Musk");
        assertThat(canonicals("Muskrat love and Elongated tubes")).isEmpty();
    }

    @Test
    void longestMatchWins() {
        assertThat(surfaces("The Trump campaign answered")).containsExactly("Trump campaign");
        assertThat(canonicals("The Trump campaign answered")).containsExactly("Trump campaign");
        assertThat(canonicals("the Harris-Walz campaign said")).containsExactly("Harris-Walz campaign");
        assertThat(canonicals("join the X Spaces tonight")).containsExactly("X (platform)");
        assertThat(surfaces("join the X Spaces tonight")).containsExactly("X Spaces");
        assertThat(surfaces("go to X.com now")).containsExactly("X.com");
    }

    @Test
    void handlesAndHashtagsResolveToTheirEntity() {
        assertThat(canonicals("@elonmusk fix it #TwitterBlackout")).containsExactly("Elon Musk", "X (platform)");
        assertThat(canonicals("@ELONMUSK")).containsExactly("Elon Musk");
        assertThat(canonicals("@elonmusk_fan says hi")).isEmpty();
        assertThat(canonicals("#TwitterBlackoutParty")).isEmpty();
    }

    @Test
    void aPlainAliasDoesNotMatchAfterAtButDoesAfterHash() {
        assertThat(canonicals("@musk is someone else")).isEmpty();
        assertThat(surfaces("vote #Walz")).containsExactly("#Walz");
        assertThat(surfaces("go #Vance")).containsExactly("Vance");
    }

    @Test
    void offsetsAreUtf16UnitsEvenAfterEmojiAndSurrogatePairs() {
        String text = "🔥🔥 𝕏 Musk 👨‍👩‍👧 @elonmusk";
        List<TrackedMatch> matches = seed.match(text);
        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).start()).isEqualTo(5);
        assertThat(matches.get(0).end()).isEqualTo(7);
        assertThat(matches.get(1).start()).isEqualTo(8);
        for (TrackedMatch m : matches) {
            assertThat(text.substring(m.start(), m.end())).isIn("𝕏", "Musk", "@elonmusk");
        }
        assertThat(text.substring(matches.get(2).start(), matches.get(2).end())).isEqualTo("@elonmusk");
    }

    @Test
    void aLetterOutsideTheBmpIsAWordCharacter() {
        TrackedEntities t = TrackedEntities.fromYaml("""
                entities:
                  - name: Thing
                    type: MISC
                    aliases: [Thing]
                """, "inline");
        assertThat(t.match("Thing𝐀")).as("math bold A is a letter").isEmpty();
        assertThat(t.match("Thing😀")).hasSize(1);
        assertThat(t.match("Thing\u0301")).as("combining accent makes a different word").isEmpty();
    }

    @Test
    void emptyEntitiesMatchNothing() {
        assertThat(TrackedEntities.empty().match("Elon Musk on X")).isEmpty();
    }

    @Test
    void wrongTypeIsRejectedNamingFileEntityAndKey() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Elon Musk
                    type: PERSON
                    aliases: [Musk]
                  - name: Ron DeSantis
                    type: PERSN
                    aliases: [DeSantis]
                """, "people.yaml"))
                .isInstanceOf(InvalidTrackedEntitiesException.class)
                .hasMessageContaining("people.yaml")
                .hasMessageContaining("entities[1] (Ron DeSantis)")
                .hasMessageContaining("'type'")
                .hasMessageContaining("PERSN");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Tesla
                    type: ORGANIZATION
                    alias: [Tesla]
                """, "t.yaml"))
                .isInstanceOf(InvalidTrackedEntitiesException.class)
                .hasMessageContaining("t.yaml: entities[0] (Tesla): unknown key 'alias'");
    }

    @Test
    void missingNameIsRejectedByIndex() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - type: ORGANIZATION
                    aliases: [Tesla]
                """, "t.yaml"))
                .hasMessageContaining("t.yaml: entities[0]: key 'name'");
    }

    @Test
    void malformedHandleAndHashtagAreRejected() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Tesla
                    type: ORGANIZATION
                    handles: [Tesla]
                """, "t.yaml"))
                .hasMessageContaining("entities[0] (Tesla): key 'handles' item 0: 'Tesla' is not a handle");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Tesla
                    type: ORGANIZATION
                    hashtags: ["#Tes la"]
                """, "t.yaml"))
                .hasMessageContaining("key 'hashtags' item 0");
    }

    @Test
    void anAliasClaimedByTwoEntitiesIsRejectedNamingBoth() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Donald Trump
                    type: PERSON
                    aliases: [Trump]
                  - name: Trump campaign
                    type: ORGANIZATION
                    aliases: [trump]
                """, "t.yaml"))
                .hasMessageContaining("entities[1] (Trump campaign): key aliases 'trump': already names entities[0] (Donald Trump)");
    }

    @Test
    void numbersInListsAndEmptyEntitiesAreRejected() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Project 2025
                    type: MISC
                    aliases: [2025]
                """, "t.yaml"))
                .hasMessageContaining("key 'aliases' item 0: expected a non-empty string, found the integer 2025 (quote it)");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("""
                entities:
                  - name: Nobody
                    type: PERSON
                """, "t.yaml"))
                .hasMessageContaining("entities[0] (Nobody): nothing to match");
    }

    @Test
    void structuralErrorsNameTheSource() {
        assertThatThrownBy(() -> TrackedEntities.fromYaml("", "empty.yaml")).hasMessageStartingWith("empty.yaml: the file is empty");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("- a\n- b\n", "list.yaml")).hasMessageStartingWith("list.yaml: expected a mapping");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("entities: [\n", "broken.yaml")).hasMessageStartingWith("broken.yaml: not valid YAML");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("entities: []\nextra: 1\n", "x.yaml")).hasMessageContaining("unknown top-level key 'extra'");
        assertThatThrownBy(() -> TrackedEntities.fromYaml("entities:\n  - name: A\n    name: B\n    type: MISC\n", "dup.yaml"))
                .hasMessageStartingWith("dup.yaml: not valid YAML").hasMessageContaining("duplicate key");
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = Path.of("does-not-exist", "tracked.yaml");
        assertThatThrownBy(() -> TrackedEntities.load(missing))
                .isInstanceOf(InvalidTrackedEntitiesException.class)
                .hasMessageStartingWith(missing.toString() + ": cannot read");
    }
}
