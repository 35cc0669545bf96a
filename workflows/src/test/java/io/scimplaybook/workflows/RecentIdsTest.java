package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

  @Test
  void remembersUpToItsCapacityAndForgetsTheOldestFirst() {
    RecentIds ids = new RecentIds(2);
    assertThat(ids.add("a")).isTrue();
    assertThat(ids.add("a")).isFalse();
    assertThat(ids.add("b")).isTrue();
    assertThat(ids.add("c")).isTrue();

    assertThat(ids.size()).isEqualTo(2);
    assertThat(ids.add("b")).as("still remembered").isFalse();
    assertThat(ids.add("a")).as("forgotten as the oldest").isTrue();
  }
}
