#!/usr/bin/env bash
# Replays the original walkthrough against the local stack with the AWS CLI,
# then places orders through the HTTP API with curl.
#
#   make run          # in one terminal (or let this script start it)
#   make smoke        # in another
#
# Environment: ENDPOINT (default http://localhost:4566), API (default
# http://localhost:3000), AWS_REGION (default us-east-1), STACK (default
# payflow). Without the AWS CLI or curl it skips with a message.
set -euo pipefail

ENDPOINT=${ENDPOINT:-http://localhost:4566}
API=${API:-http://localhost:3000}
export AWS_REGION=${AWS_REGION:-us-east-1}
export AWS_DEFAULT_REGION=$AWS_REGION
STACK=${STACK:-payflow}
# Any credentials do locally; keep real ones out of it.
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
unset AWS_SESSION_TOKEN AWS_PROFILE

for tool in aws curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "smoke: SKIP: $tool is not installed"
		exit 0
	fi
done

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
awsl() { aws --endpoint-url "$ENDPOINT" --region "$AWS_REGION" "$@"; }
# The order routes need SigV4 for execute-api (AuthMode AWS_IAM, the
# default); the local HTTP API accepts access key local, secret local.
sigv4=(--aws-sigv4 "aws:amz:$AWS_REGION:execute-api" --user local:local)

# Start the local stack if nobody is serving the endpoint yet.
started=""
if ! curl -fsS "$ENDPOINT/" >/dev/null 2>&1; then
	cd "$(dirname "$0")/.."
	log=$(mktemp)
	echo "smoke: no local stack on $ENDPOINT; starting one (log: $log)"
	go build -o "${TMPDIR:-/tmp}/payflow-local" ./cmd/local
	"${TMPDIR:-/tmp}/payflow-local" -stack-name "$STACK" >"$log" 2>&1 &
	started=$!
	trap 'kill "$started" 2>/dev/null; wait "$started" 2>/dev/null || true' EXIT
	for _ in $(seq 100); do
		curl -fsS "$ENDPOINT/" >/dev/null 2>&1 && break
		sleep 0.1
	done
	curl -fsS "$ENDPOINT/" >/dev/null 2>&1 || { cat "$log"; fail "the local stack did not start"; }
fi

step "Stack outputs, found through the APIs"
sm_arn=$(awsl stepfunctions list-state-machines \
	--query "stateMachines[?contains(name, 'PaymentStateMachine')].stateMachineArn | [0]" --output text)
[[ $sm_arn == arn:aws:states:* ]] || fail "no payment state machine (got '$sm_arn')"
queue_url=$(awsl sqs get-queue-url --queue-name "$STACK-NotificationTestQueue" --query QueueUrl --output text)
echo "StateMachineWaitForCallbackArn:              $sm_arn"
echo "WaitForCallbackDemoNotificationTestQueueUrl: $queue_url"

step "Walkthrough: aws stepfunctions start-execution (raw card fields, as in the original)"
input='{"orderId": "1234567","customerId": "98766","orderDate": "2024-01-14","amount": 100,"nameOnCard": "FIRSTNAME LASTNAME","creditCardNumber": "1234 1234 1234 1234","expiry": "XX/YY","cvv": "123"}'
started_json=$(awsl stepfunctions start-execution --state-machine-arn "$sm_arn" --input "$input")
echo "$started_json"
exec_arn=$(sed -n 's/.*"executionArn": *"\([^"]*\)".*/\1/p' <<<"$started_json")
[[ -n $exec_arn ]] || fail "start-execution returned no executionArn"
for _ in $(seq 50); do
	status=$(awsl stepfunctions describe-execution --execution-arn "$exec_arn" --query status --output text)
	[[ $status != RUNNING ]] && break
	sleep 0.1
done
error=$(awsl stepfunctions describe-execution --execution-arn "$exec_arn" --query error --output text)
echo "execution: $status ($error)"
[[ $status == FAILED && $error == Payment.InvalidRequest ]] ||
	fail "a raw walkthrough input must end FAILED with Payment.InvalidRequest, got $status $error"

step "Walkthrough: aws sqs receive-message on the test queue"
messages=$(awsl sqs receive-message --queue-url "$queue_url" --max-number-of-messages 10 --wait-time-seconds 20)
echo "$messages"
grep -q 'Notification' <<<"$messages" || fail "no SNS notification on the test queue"
grep -q 'Payment.InvalidRequest' <<<"$messages" || fail "the notification does not name Payment.InvalidRequest"
if grep -q '1234 1234 1234 1234' <<<"$messages"; then fail "the card number reached the test queue"; fi

place() { # place ORDER_ID CARD; prints the HTTP status
	local expiry
	expiry="12/$(($(date +%y) + 2))"
	curl -s "${sigv4[@]}" -o /tmp/smoke-post.json -w '%{http_code}' -X POST "$API/orders" -H 'Content-Type: application/json' \
		-d "{\"orderId\":\"$1\",\"customerId\":\"98766\",\"orderDate\":\"$(date +%F)\",\"amount\":\"100.00\",\"currency\":\"USD\",\"nameOnCard\":\"FIRSTNAME LASTNAME\",\"creditCardNumber\":\"$2\",\"expiry\":\"$expiry\",\"cvv\":\"123\"}"
}
wait_payment() { # wait_payment ORDER_ID; prints the final status body
	local body
	for _ in $(seq 100); do
		body=$(curl -fsS "${sigv4[@]}" "$API/orders/$1/status")
		grep -q '"paymentStatus":"PENDING"' <<<"$body" || break
		sleep 0.1
	done
	echo "$body"
}

run_id=$(date +%s)
for case in "4242 4242 4242 4242:PAID" "4000 0000 0000 0002:DECLINED"; do
	card=${case%%:*} want=${case##*:}
	order="smoke-$run_id-$want"
	step "curl -X POST $API/orders with card $card, then status polling"
	code=$(place "$order" "$card")
	cat /tmp/smoke-post.json; echo
	[[ $code == 202 ]] || fail "POST /orders answered $code"
	body=$(wait_payment "$order")
	echo "$body"
	grep -q "\"paymentStatus\":\"$want\"" <<<"$body" || fail "order $order did not end $want"
done

step "Replay and conflict"
code=$(place "smoke-$run_id-PAID" "4242 4242 4242 4242")
[[ $code == 200 ]] || fail "replaying the same order answered $code, want 200"
code=$(place "smoke-$run_id-PAID" "4000 0000 0000 0002")
[[ $code == 409 ]] || fail "reusing the orderId for another card answered $code, want 409"
echo "replay 200, conflict 409"

printf '\nsmoke: OK\n'
