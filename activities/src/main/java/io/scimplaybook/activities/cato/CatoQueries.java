package io.scimplaybook.activities.cato;

/**
 * The GraphQL documents sent to Cato. Written against {@code cato_api.graphqls}; variable names are part of the
 * contract with the project's sandbox, so change them together. No fragments: the sandbox reads these documents
 * without a full GraphQL parser.
 */
final class CatoQueries {
  private CatoQueries() {}

  static final String EVENTS =
      """
      query scimFailureEvents($accountID: ID!, $timeFrame: TimeFrame!, $measures: [EventsMeasure], \
      $dimensions: [EventsDimension], $filters: [EventsFilter!], $limit: Int, $from: Int) {
        events(accountID: $accountID, timeFrame: $timeFrame, measures: $measures, dimensions: $dimensions, \
      filters: $filters) {
          from
          to
          total
          records(limit: $limit, from: $from) {
            fieldsMap
          }
        }
      }
      """;

  static final String STORIES =
      """
      query scimStories($accountID: ID!, $input: StoryInput!) {
        xdr(accountID: $accountID) {
          stories(input: $input) {
            paging {
              from
              limit
              total
            }
            items {
              id
              createdAt
              updatedAt
              summary
              playbook
              incident {
                id
                indication
                status
                firstSignal
                lastSignal
                producer
                producerName
              }
            }
          }
        }
      }
      """;

  static final String STORY =
      """
      query scimStory($accountID: ID!, $storyId: ID) {
        xdr(accountID: $accountID) {
          story(storyId: $storyId) {
            id
            createdAt
            updatedAt
            summary
            playbook
            incident {
              id
              indication
              status
              firstSignal
              lastSignal
              producer
              producerName
            }
          }
        }
      }
      """;

  /**
   * {@code Mutation.xdr(accountId: ID!): XdrMutations!} then {@code addStoryComment(input: AddStoryCommentInput!):
   * AddStoryCommentPayload} (schema: {@code AddStoryCommentInput {storyId: ID!, text: String!}}, payload {@code
   * comment: StoryComment!} with {@code id createdAt text}). Note the mutation's argument is {@code accountId}, not the
   * queries' {@code accountID}.
   */
  static final String ADD_STORY_COMMENT =
      """
      mutation addStoryComment($accountId: ID!, $input: AddStoryCommentInput!) {
        xdr(accountId: $accountId) {
          addStoryComment(input: $input) {
            comment {
              id
              createdAt
            }
          }
        }
      }
      """;

  static final String AUDIT_FEED =
      """
      query domainAuditFeed($accountIDs: [ID!], $timeFrame: TimeFrame!, $filters: [AuditFieldFilterInput!], \
      $marker: String) {
        auditFeed(accountIDs: $accountIDs, timeFrame: $timeFrame, filters: $filters, marker: $marker) {
          from
          to
          marker
          fetchedCount
          hasMore
          accounts {
            id
            records {
              admin {
                id
                name
                type
              }
              apiKey {
                id
                name
                type
              }
              object {
                id
                name
                type
              }
              time
              fieldsMap
            }
          }
        }
      }
      """;

  static final String EVENTS_FEED =
      """
      query scimFailureFeed($accountIDs: [ID!], $filters: [EventFeedFieldFilterInput!], $marker: String) {
        eventsFeed(accountIDs: $accountIDs, filters: $filters, marker: $marker) {
          marker
          fetchedCount
          accounts {
            id
            errorString
            records {
              time
              fieldsMap
            }
          }
        }
      }
      """;
}
