"""Drive a local SQS with boto3 over the query protocol and print what it saw.

Usage: python3 query_client.py ENDPOINT
The Go test TestBotoQueryProtocol runs this with a botocore whose SQS model
still uses the query protocol (as older CLIs and SDKs do) and checks the
printed JSON. Any exception other than the expected ClientErrors fails it.
"""
import base64
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
sqs = boto3.session.Session().client(
    "sqs", endpoint_url=endpoint, region_name="us-east-1",
    aws_access_key_id="AKIDLOCAL", aws_secret_access_key="secret")
out = {"protocol": sqs.meta.service_model.protocol}

dlq = sqs.create_queue(QueueName="boto-dlq")["QueueUrl"]
url = sqs.create_queue(
    QueueName="boto",
    Attributes={
        "VisibilityTimeout": "40",
        "RedrivePolicy": json.dumps({
            "deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:boto-dlq",
            "maxReceiveCount": 3}),
    },
    tags={"team": "payments"})["QueueUrl"]
out["queue_url"] = url

sent = sqs.send_message(
    QueueUrl=url, MessageBody='{"orderId":"o-7"} <&>',
    MessageAttributes={
        "attribName1": {"DataType": "String", "StringValue": "attribValue 1"},
        "customNumberTypeAttrib": {"DataType": "Number.float",
                                   "StringValue": "4563442423554324324264524243.32543234"},
        "binaryAttribute": {"DataType": "Binary", "BinaryValue": b"Hello binary world!"},
    })
out["send"] = {k: sent.get(k) for k in ("MessageId", "MD5OfMessageBody", "MD5OfMessageAttributes")}

batch = sqs.send_message_batch(QueueUrl=url, Entries=[
    {"Id": "ok", "MessageBody": "second"},
    {"Id": "late", "MessageBody": "x", "DelaySeconds": 901},
])
out["batch"] = {
    "ok": [e["Id"] for e in batch.get("Successful", [])],
    "failed": [[e["Id"], e["Code"], e["SenderFault"]] for e in batch.get("Failed", [])],
}

got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                          AttributeNames=["All"], MessageAttributeNames=["All"])
msgs = got.get("Messages", [])
out["received"] = [{
    "MessageId": m["MessageId"], "Body": m["Body"], "MD5OfBody": m["MD5OfBody"],
    "ReceiveCount": m.get("Attributes", {}).get("ApproximateReceiveCount"),
    "MD5OfMessageAttributes": m.get("MD5OfMessageAttributes"),
    "MessageAttributes": {
        k: v.get("StringValue") or base64.b64encode(v.get("BinaryValue", b"")).decode()
        for k, v in m.get("MessageAttributes", {}).items()},
} for m in msgs]

vis = sqs.change_message_visibility_batch(QueueUrl=url, Entries=[
    {"Id": "m%d" % i, "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
    for i, m in enumerate(msgs)])
out["visibility_ok"] = sorted(e["Id"] for e in vis.get("Successful", []))

again = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
deleted = sqs.delete_message_batch(QueueUrl=url, Entries=[
    {"Id": "d%d" % i, "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(again)])
out["deleted"] = len(deleted.get("Successful", []))

attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
out["attributes"] = {k: attrs.get(k) for k in (
    "VisibilityTimeout", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
    "QueueArn", "RedrivePolicy")}
out["tags"] = sqs.list_queue_tags(QueueUrl=url).get("Tags", {})
out["list"] = sqs.list_queues(QueueNamePrefix="boto").get("QueueUrls", [])
out["dead_letter_sources"] = sqs.list_dead_letter_source_queues(QueueUrl=dlq).get("queueUrls", [])

errors = {}
for name, call in [
    ("missing_queue", lambda: sqs.get_queue_url(QueueName="nope")),
    ("bad_handle", lambda: sqs.delete_message(QueueUrl=url, ReceiptHandle="junk")),
    ("too_many", lambda: sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=11)),
]:
    try:
        call()
        errors[name] = None
    except ClientError as e:
        errors[name] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
out["errors"] = errors

sqs.delete_queue(QueueUrl=url)
out["after_delete"] = sqs.list_queues(QueueNamePrefix="boto").get("QueueUrls", [])
print(json.dumps(out))
