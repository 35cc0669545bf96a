package io.scimplaybook.cli;

import io.scimplaybook.api.operator.Decision;
import java.util.Arrays;
import java.util.Iterator;

/** The values the shell completion script offers for options that take one of a fixed set. */
final class CompletionCandidates {

  private CompletionCandidates() {}

  static final class Decisions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Decision.values()).map(Enum::name).iterator();
    }
  }

  static final class Idps implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ListQuery.idps().iterator();
    }
  }

  static final class Steps implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ListQuery.steps().iterator();
    }
  }

  static final class Outcomes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ListQuery.outcomes().iterator();
    }
  }

  static final class RootCauses implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ListQuery.rootCauses().iterator();
    }
  }
}
