#!/usr/bin/env bash
# Smoke test of the local Step Functions API with the real AWS CLI.
#
# Usage: ENDPOINT=http://127.0.0.1:4566 bash localaws/sfnlocal/testdata/smoke.sh
#
# It creates a small state machine, runs it, reads its execution back in
# the ways the CLI offers, checks the errors a user would meet, and deletes
# the machine. It needs only `aws` on PATH; any credentials are accepted by
# the local endpoint, so dummy ones are set when none are configured.
set -euo pipefail

ENDPOINT="${ENDPOINT:-http://127.0.0.1:4566}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_PAGER=""

sfn() { aws stepfunctions --endpoint-url "$ENDPOINT" --output text "$@"; }
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

name="smoke-$$-$RANDOM"
definition='{"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('"'"'hello {}'"'"', $.who)"},"End":true}}}'

machine=$(sfn create-state-machine --name "$name" --definition "$definition" \
	--role-arn arn:aws:iam::123456789012:role/smoke --query stateMachineArn)
trap 'sfn delete-state-machine --state-machine-arn "$machine" >/dev/null 2>&1 || true' EXIT
echo "smoke: created $machine"

execution=$(sfn start-execution --state-machine-arn "$machine" --name run-1 \
	--input '{"who":"world"}' --query executionArn)
echo "smoke: started $execution"

status=RUNNING
for _ in $(seq 1 50); do
	read -r status output < <(sfn describe-execution --execution-arn "$execution" --query '[status,output]')
	[ "$status" != RUNNING ] && break
	sleep 0.2
done
[ "$status" = SUCCEEDED ] || fail "execution ended $status, want SUCCEEDED"
[ "$output" = '{"greeting":"hello world"}' ] || fail "output $output"

events=$(sfn get-execution-history --execution-arn "$execution" --query 'events[].type')
[ "$(echo "$events" | tr '\t' ' ')" = "ExecutionStarted PassStateEntered PassStateExited ExecutionSucceeded" ] ||
	fail "history $events"

[ "$(sfn list-executions --state-machine-arn "$machine" --status-filter SUCCEEDED --query 'executions[].name')" = run-1 ] ||
	fail "list-executions did not list run-1"

if err=$(sfn start-execution --state-machine-arn "$machine" --name run-1 --input '{"who":"again"}' 2>&1); then
	fail "reusing a closed execution's name was accepted"
fi
case "$err" in *ExecutionAlreadyExists*) ;; *) fail "reused name: $err" ;; esac

if err=$(sfn send-task-success --task-token not-a-token --task-output '{}' 2>&1); then
	fail "a malformed task token was accepted"
fi
case "$err" in *InvalidToken*) ;; *) fail "malformed token: $err" ;; esac

echo "smoke: ok ($(echo "$events" | wc -w) events, output $output)"
