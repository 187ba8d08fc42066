"""Drives the local DynamoDB through boto3's client and resource APIs.

Usage: boto_client.py ENDPOINT_URL. Prints one JSON object of results that
boto_test.go compares; the expectations there follow the DynamoDB API
reference (return values, error codes and the paginator's behaviour).
"""
import json
import sys
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

url = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="AKID", aws_secret_access_key="secret", region_name="us-east-1")
client = session.client("dynamodb", endpoint_url=url)
db = session.resource("dynamodb", endpoint_url=url)

table = db.create_table(
    TableName="boto",
    BillingMode="PAY_PER_REQUEST",
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "n", "AttributeType": "N"}],
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "n", "KeyType": "RANGE"}],
)
table.wait_until_exists()
with table.batch_writer() as batch:
    for i in range(30):
        batch.put_item(Item={"pk": "p", "n": i, "price": Decimal("0.1") * i, "tags": {"a", "b"}})

out = {}
got = table.get_item(Key={"pk": "p", "n": 3})["Item"]
out["price"] = str(got["price"])
out["tags"] = sorted(got["tags"])
upd = table.update_item(
    Key={"pk": "p", "n": 3},
    UpdateExpression="SET price = price + :d ADD tags :t",
    ExpressionAttributeValues={":d": Decimal("0.01"), ":t": {"c"}},
    ReturnValues="ALL_NEW",
)["Attributes"]
out["updated_price"] = str(upd["price"])
out["updated_tags"] = sorted(upd["tags"])
pages = client.get_paginator("query").paginate(
    TableName="boto",
    KeyConditionExpression="pk = :p AND n >= :lo",
    ExpressionAttributeValues={":p": {"S": "p"}, ":lo": {"N": "5"}},
    PaginationConfig={"PageSize": 10},
)
counts = [page["Count"] for page in pages]
out["page_counts"] = counts
out["filtered"] = table.scan(FilterExpression=Attr("price").gt(Decimal("2.5")))["Count"]
out["key_query"] = [int(i["n"]) for i in table.query(KeyConditionExpression=Key("pk").eq("p") & Key("n").between(1, 3))["Items"]]
try:
    table.put_item(Item={"pk": "p", "n": 3}, ConditionExpression=Attr("pk").not_exists())
    out["conditional"] = "no error"
except ClientError as err:
    out["conditional"] = err.response["Error"]["Code"]
try:
    client.transact_write_items(TransactItems=[
        {"ConditionCheck": {"TableName": "boto", "Key": {"pk": {"S": "p"}, "n": {"N": "3"}}, "ConditionExpression": "attribute_not_exists(pk)"}},
        {"Delete": {"TableName": "boto", "Key": {"pk": {"S": "p"}, "n": {"N": "4"}}}},
    ])
    out["transaction"] = "no error"
except ClientError as err:
    out["transaction"] = [r["Code"] for r in err.response["CancellationReasons"]]
print(json.dumps(out))
