package io.connectctl.client.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unions read a variant they do not know as their unknown case, with and without discriminator. */
public class OneOfUnknownVariantTest {
  @ModelSchema(
      name = "Cat",
      required = {"meow"})
  public record Cat(String kind, String meow) implements Pet, Animal {}

  @ModelSchema(
      name = "Dog",
      required = {"bark"})
  public record Dog(String kind, String bark) implements Pet, Animal {}

  @OneOf({Cat.class, Dog.class})
  public sealed interface Pet permits Cat, Dog, Pet.Unknown {
    record Unknown(Object json) implements Pet, UnknownVariant {}
  }

  @OneOf(
      value = {Cat.class, Dog.class},
      discriminator = "kind",
      mapping = {"cat=Cat", "dog=Dog"})
  public sealed interface Animal permits Cat, Dog, Animal.Unknown {
    record Unknown(Object json) implements Animal, UnknownVariant {}
  }

  private static final com.squareup.moshi.Moshi MOSHI = ModelJson.moshi();

  @Test
  void knownVariantsStillReadAsThemselves() throws Exception {
    assertEquals(new Dog(null, "woof"), MOSHI.adapter(Pet.class).fromJson("{\"bark\":\"woof\"}"));
    assertEquals(
        new Cat("cat", "x"),
        MOSHI.adapter(Animal.class).fromJson("{\"kind\":\"cat\",\"meow\":\"x\"}"));
  }

  @Test
  void anObjectMatchingNoVariantIsKeptAsTheUnknownCase() throws Exception {
    Pet pet = MOSHI.adapter(Pet.class).fromJson("{\"hiss\":\"sss\",\"n\":true}");
    Pet.Unknown unknown = assertInstanceOf(Pet.Unknown.class, pet);
    assertEquals(Map.of("hiss", "sss", "n", true), unknown.json());
    assertEquals("{\"hiss\":\"sss\",\"n\":true}", MOSHI.adapter(Pet.class).toJson(pet));
  }

  @Test
  void anUnmappedDiscriminatorValueIsKeptAsTheUnknownCase() throws Exception {
    Animal animal = MOSHI.adapter(Animal.class).fromJson("{\"kind\":\"snake\",\"meow\":\"no\"}");
    Animal.Unknown unknown = assertInstanceOf(Animal.Unknown.class, animal);
    assertEquals(Map.of("kind", "snake", "meow", "no"), unknown.json());
  }

  @Test
  void anObjectMatchingSeveralVariantsStillFails() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> MOSHI.adapter(Pet.class).fromJson("{\"bark\":\"a\",\"meow\":\"b\"}"));
    assertTrue(e.getMessage().contains("[Cat, Dog]"), e.getMessage());
  }

  @Test
  void theUnknownCaseIsRefusedInARequestBody() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> RequestBodies.requireComplete(new Pet.Unknown(Map.of("hiss", "sss"))));
    assertTrue(
        e.getMessage().contains("Pet of a shape the spec does not describe"), e.getMessage());
    assertTrue(e.getMessage().contains("[hiss]"), e.getMessage());
  }
}
