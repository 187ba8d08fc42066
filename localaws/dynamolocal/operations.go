package dynamolocal

// operations maps each served operation to its handler, and each refused
// one to a handler that says why. Each Service builds its own, so that no
// package-level state exists.
func operations() map[string]handler {
	ops := map[string]handler{
		"CreateTable":        (*regional).createTable,
		"DescribeTable":      (*regional).describeTable,
		"DeleteTable":        (*regional).deleteTable,
		"UpdateTable":        (*regional).updateTable,
		"TagResource":        (*regional).tagResource,
		"UntagResource":      (*regional).untagResource,
		"ListTagsOfResource": (*regional).listTagsOfResource,
		"ListTables":         (*regional).listTables,
		"UpdateTimeToLive":   (*regional).updateTimeToLive,
		"DescribeTimeToLive": (*regional).describeTimeToLive,
		"PutItem":            (*regional).putItem,
		"GetItem":            (*regional).getItem,
		"DeleteItem":         (*regional).deleteItem,
		"UpdateItem":         (*regional).updateItem,
		"Query":              (*regional).query,
		"Scan":               (*regional).scan,
		"BatchGetItem":       (*regional).batchGetItem,
		"BatchWriteItem":     (*regional).batchWriteItem,
		"TransactGetItems":   (*regional).transactGetItems,
		"TransactWriteItems": (*regional).transactWriteItems,
	}
	for op, what := range refusedOperations() {
		ops[op] = func(*regional, []byte) (any, error) { return nil, refused(what) }
	}
	return ops
}

// refusedOperations names the DynamoDB features the local endpoint does
// not emulate, by the operations that reach them.
func refusedOperations() map[string]string {
	return map[string]string{
		"DescribeStream": "DynamoDB Streams", "ListStreams": "DynamoDB Streams", "GetShardIterator": "DynamoDB Streams",
		"GetRecords": "DynamoDB Streams", "EnableKinesisStreamingDestination": "Kinesis streaming destinations",
		"DisableKinesisStreamingDestination":  "Kinesis streaming destinations",
		"DescribeKinesisStreamingDestination": "Kinesis streaming destinations",
		"CreateGlobalTable":                   "global tables",
		"UpdateGlobalTable":                   "global tables",
		"DescribeGlobalTable":                 "global tables",
		"ListGlobalTables":                    "global tables",
		"UpdateGlobalTableSettings":           "global tables",
		"DescribeGlobalTableSettings":         "global tables",
		"ExecuteStatement":                    "PartiQL",
		"BatchExecuteStatement":               "PartiQL",
		"ExecuteTransaction":                  "PartiQL",
		"CreateBackup":                        "backups",
		"DeleteBackup":                        "backups",
		"DescribeBackup":                      "backups",
		"ListBackups":                         "backups",
		"RestoreTableFromBackup":              "backups",
		"RestoreTableToPointInTime":           "point-in-time recovery",
		"UpdateContinuousBackups":             "point-in-time recovery",
		"DescribeContinuousBackups":           "point-in-time recovery",
		"ExportTableToPointInTime":            "table exports",
		"DescribeExport":                      "table exports",
		"ListExports":                         "table exports",
		"ImportTable":                         "table imports",
		"DescribeImport":                      "table imports",
		"ListImports":                         "table imports",
		"DescribeContributorInsights":         "CloudWatch Contributor Insights",
		"UpdateContributorInsights":           "CloudWatch Contributor Insights",
		"ListContributorInsights":             "CloudWatch Contributor Insights",
		"PutResourcePolicy":                   "resource policies",
		"GetResourcePolicy":                   "resource policies",
		"DeleteResourcePolicy":                "resource policies",
		"UpdateTableReplicaAutoScaling":       "auto scaling",
		"DescribeTableReplicaAutoScaling":     "auto scaling",
		"UpdateKinesisStreamingDestination":   "Kinesis streaming destinations",
	}
}

// refused is the error of a feature the local DynamoDB does not emulate.
// It is a ValidationException so that SDKs surface it at once instead of
// retrying, and its message names the feature.
func refused(what string) *Error {
	return validation("The local DynamoDB does not emulate %s; see the README's section on the local AWS endpoint for what it serves", what)
}
