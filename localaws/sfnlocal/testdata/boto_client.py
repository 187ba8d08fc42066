"""Drives the local Step Functions with boto3, as Python users would.

Usage: boto_client.py ENDPOINT. Prints one JSON document of what it saw.
TestState needs inject_host_prefix=False: botocore otherwise sends it to
"sync-<host>", which a local host name cannot resolve.
"""
import json
import sys

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
sfn = boto3.client(
    "stepfunctions", endpoint_url=endpoint, region_name="eu-west-1",
    aws_access_key_id="AKID", aws_secret_access_key="SECRET",
    config=Config(inject_host_prefix=False, retries={"max_attempts": 1}),
)
definition = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"v": 1}, "End": True}}})
created = sfn.create_state_machine(name="boto", definition=definition, roleArn="arn:aws:iam::123456789012:role/r", publish=True)
alias = sfn.create_state_machine_alias(
    name="live", routingConfiguration=[{"stateMachineVersionArn": created["stateMachineVersionArn"], "weight": 100}])
described = sfn.describe_state_machine_alias(stateMachineAliasArn=alias["stateMachineAliasArn"])
tested = sfn.test_state(
    definition=json.dumps({"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Big"}], "Default": "Small"}),
    input=json.dumps({"n": 2}))
try:
    sfn.create_state_machine(name="x" * 81, definition=definition, roleArn="arn:aws:iam::123456789012:role/r")
    long_name = "accepted"
except sfn.exceptions.ClientError as e:
    long_name = e.response["Error"]["Code"]
print(json.dumps({
    "machine": created["stateMachineArn"],
    "version": created["stateMachineVersionArn"],
    "alias": alias["stateMachineAliasArn"],
    "routing": [[r["stateMachineVersionArn"], r["weight"]] for r in described["routingConfiguration"]],
    "encryption": sfn.describe_state_machine(stateMachineArn=created["stateMachineArn"])["encryptionConfiguration"],
    "test_state": [tested["status"], tested.get("nextState"), json.loads(tested["output"])],
    "long_name": long_name,
}))
