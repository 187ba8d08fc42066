package awsendpoint

import "errors"

var errTooLarge = errors.New("request body too large")

// isSQSAction reports whether a query-protocol Action belongs to SQS, for
// requests that carry neither a target nor a SigV4 scope (for example
// curl).
func isSQSAction(action string) bool {
	switch action {
	case "AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
		"CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl",
		"ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue",
		"ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch", "SetQueueAttributes",
		"StartMessageMoveTask", "TagQueue", "UntagQueue":
		return true
	}
	return false
}

// isSNSAction reports whether a query-protocol Action belongs to SNS.
func isSNSAction(action string) bool {
	switch action {
	case "ConfirmSubscription", "CreateTopic", "DeleteTopic", "GetSubscriptionAttributes", "GetTopicAttributes",
		"ListSubscriptions", "ListSubscriptionsByTopic", "ListTagsForResource", "ListTopics", "Publish",
		"PublishBatch", "SetSubscriptionAttributes", "SetTopicAttributes", "Subscribe", "TagResource",
		"Unsubscribe", "UntagResource":
		return true
	}
	return false
}
