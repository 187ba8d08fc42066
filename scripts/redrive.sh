#!/usr/bin/env bash
# Moves the dead-lettered payment messages back to the payment queue with
# SQS's StartMessageMoveTask, then reports the task's progress. Each
# redriven message is handled like a first delivery: the callback answers
# its task if the execution still waits, or finds the task closed.
#
#   make redrive                       # the local stack of `make run`
#   make redrive AWS=1 STACK=payflow   # a deployed stack (uses your AWS credentials)
#
# Environment: ENDPOINT (local, default http://localhost:4566), STACK
# (default payflow), AWS_REGION (default us-east-1), RATE (messages per
# second, default: as fast as SQS allows).
set -euo pipefail

STACK=${STACK:-payflow}
export AWS_REGION=${AWS_REGION:-us-east-1}
export AWS_DEFAULT_REGION=$AWS_REGION

command -v aws >/dev/null 2>&1 || { echo "redrive: the AWS CLI is needed (pip install awscli, or apt-get install awscli)" >&2; exit 1; }

if [ -n "${AWS:-}" ]; then
	cli=(aws --region "$AWS_REGION")
	output() {
		"${cli[@]}" cloudformation describe-stacks --stack-name "$STACK" \
			--query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
	}
	dlq_url=$(output PaymentDeadLetterQueueUrl)
	queue_url=$(output PaymentQueueUrl)
else
	ENDPOINT=${ENDPOINT:-http://localhost:4566}
	# Any credentials do locally; keep real ones out of it.
	export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
	unset AWS_SESSION_TOKEN AWS_PROFILE
	cli=(aws --endpoint-url "$ENDPOINT" --region "$AWS_REGION")
	dlq_url=$("${cli[@]}" sqs get-queue-url --queue-name "$STACK-PaymentDeadLetterQueue" --query QueueUrl --output text)
	queue_url=$("${cli[@]}" sqs get-queue-url --queue-name "$STACK-PaymentQueue" --query QueueUrl --output text)
fi
[ -n "$dlq_url" ] && [ "$dlq_url" != "None" ] || { echo "redrive: no dead-letter queue found for stack $STACK" >&2; exit 1; }

arn_of() { "${cli[@]}" sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn --query Attributes.QueueArn --output text; }
dlq_arn=$(arn_of "$dlq_url")
queue_arn=$(arn_of "$queue_url")
waiting=$("${cli[@]}" sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names ApproximateNumberOfMessages \
	--query Attributes.ApproximateNumberOfMessages --output text)
echo "redrive: $waiting message(s) in $dlq_arn"
[ "$waiting" != "0" ] || exit 0

# The payment queue is the dead-letter queue's only source; naming it
# also moves a message that someone put on the dead-letter queue by hand.
args=(sqs start-message-move-task --source-arn "$dlq_arn" --destination-arn "$queue_arn")
[ -n "${RATE:-}" ] && args+=(--max-number-of-messages-per-second "$RATE")
handle=$("${cli[@]}" "${args[@]}" --query TaskHandle --output text)
echo "redrive: started move task $handle to $queue_arn"

for _ in $(seq 1 120); do
	read -r status moved <<<"$("${cli[@]}" sqs list-message-move-tasks --source-arn "$dlq_arn" --max-results 1 \
		--query 'Results[0].[Status,ApproximateNumberOfMessagesMoved]' --output text)"
	echo "redrive: $status, $moved moved"
	case "$status" in
	COMPLETED) exit 0 ;;
	FAILED | CANCELLED) exit 1 ;;
	esac
	sleep 1
done
echo "redrive: still running after 2 minutes; follow it with: aws sqs list-message-move-tasks --source-arn $dlq_arn" >&2
