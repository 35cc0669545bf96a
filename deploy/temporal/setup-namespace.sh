#!/bin/sh
# One-shot (temporal-namespace service, temporalio/admin-tools): the namespace and the playbook's custom search
# attributes. SEARCH_ATTRIBUTES lists them as Name=Type words; docker-compose.yml holds the list, and a test in the
# worker module checks it against io.scimplaybook.workflows.PlaybookSearchAttributes.ALL.
# Safe to re-run: what exists already is left alone.
set -eu
: "${TEMPORAL_ADDRESS:?}" "${NAMESPACE:?}" "${NAMESPACE_RETENTION:?}" "${SEARCH_ATTRIBUTES:?}"

attempt=1
until temporal operator cluster health --address "$TEMPORAL_ADDRESS"; do
  if [ "$attempt" -ge 30 ]; then
    echo "temporal-namespace: the server at $TEMPORAL_ADDRESS is not serving after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

if temporal operator namespace describe --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "temporal-namespace: namespace $NAMESPACE exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$NAMESPACE_RETENTION" \
    --address "$TEMPORAL_ADDRESS"
fi

existing="$(temporal operator search-attribute list --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS")"
for pair in $SEARCH_ATTRIBUTES; do
  name="${pair%%=*}"
  type="${pair#*=}"
  if [ -z "$name" ] || [ "$name" = "$pair" ] || [ -z "$type" ]; then
    echo "temporal-namespace: '$pair' in SEARCH_ATTRIBUTES is not Name=Type" >&2
    exit 2
  fi
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "temporal-namespace: search attribute $name exists"
  else
    temporal operator search-attribute create --name "$name" --type "$type" --namespace "$NAMESPACE" \
      --address "$TEMPORAL_ADDRESS"
  fi
done
echo "temporal-namespace: done"
