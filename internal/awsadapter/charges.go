package awsadapter

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Charges keeps the charge record of each order in a DynamoDB table keyed
// by orderId, written only with conditional writes so that two callback
// environments never both believe they may charge. It implements
// callback.ChargeRecords.
type Charges struct {
	client     *dynamodb.Client
	table      string
	vaultTable string
}

// NewCharges returns the charge records in table; Settle deletes cards
// from the vault in vaultTable.
func NewCharges(client *dynamodb.Client, table, vaultTable string) *Charges {
	return &Charges{client: client, table: table, vaultTable: vaultTable}
}

// claimable is the condition under which a claim may be written: no
// record yet, or a claim whose lease has run out.
const claimable = "attribute_not_exists(orderId) OR (#state = :claimed AND leaseUntil < :now)"

// Claim takes the order for claimant until leaseUntil. When it cannot (a
// settled record, or a live claim), it returns the record as found and
// false.
func (c *Charges) Claim(ctx context.Context, orderID, claimant string, now, leaseUntil time.Time) (orders.ChargeRecord, bool, error) {
	rec := orders.ChargeRecord{
		OrderID: orderID, State: orders.ChargeClaimed, Claimant: claimant, LeaseUntil: leaseUntil, UpdatedAt: now,
	}
	_, err := c.client.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:                           aws.String(c.table),
		Item:                                recordItem(rec),
		ConditionExpression:                 aws.String(claimable),
		ExpressionAttributeNames:            map[string]string{"#state": "state"},
		ExpressionAttributeValues:           map[string]ddbtypes.AttributeValue{":claimed": str(orders.ChargeClaimed), ":now": millis(now)},
		ReturnValuesOnConditionCheckFailure: ddbtypes.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var failed *ddbtypes.ConditionalCheckFailedException
	if errors.As(err, &failed) {
		found, perr := parseRecord(failed.Item)
		if perr != nil {
			return orders.ChargeRecord{}, false, fmt.Errorf("claim charge of %s: %w", orderID, perr)
		}
		return found, false, nil
	}
	if err != nil {
		return orders.ChargeRecord{}, false, classify("claim charge", err)
	}
	return rec, true, nil
}

// Settle stores the decision of a claim still held by rec.Claimant and,
// when vaultRef is not empty, deletes the order's card from the vault in
// the same transaction, so a decision is never stored with its card left
// behind. A claim taken over fails with ErrConflict and changes nothing.
func (c *Charges) Settle(ctx context.Context, rec orders.ChargeRecord, vaultRef string) error {
	put := &ddbtypes.Put{
		TableName:                 aws.String(c.table),
		Item:                      recordItem(rec),
		ConditionExpression:       aws.String("#state = :claimed AND claimant = :me"),
		ExpressionAttributeNames:  map[string]string{"#state": "state"},
		ExpressionAttributeValues: map[string]ddbtypes.AttributeValue{":claimed": str(orders.ChargeClaimed), ":me": str(rec.Claimant)},
	}
	var err error
	if vaultRef == "" {
		_, err = c.client.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: put.TableName, Item: put.Item, ConditionExpression: put.ConditionExpression,
			ExpressionAttributeNames: put.ExpressionAttributeNames, ExpressionAttributeValues: put.ExpressionAttributeValues,
		})
	} else {
		_, err = c.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []ddbtypes.TransactWriteItem{
			{Put: put},
			{Delete: &ddbtypes.Delete{TableName: aws.String(c.vaultTable), Key: vaultKey(rec.OrderID, vaultRef)}},
		}})
	}
	if err != nil {
		return classify("settle charge", err)
	}
	return nil
}

// Release gives up a claim that reached no decision, so that a redelivery
// may claim at once. A claim already taken over is left alone.
func (c *Charges) Release(ctx context.Context, orderID, claimant string) error {
	_, err := c.client.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName:                 aws.String(c.table),
		Key:                       map[string]ddbtypes.AttributeValue{attrOrderID: str(orderID)},
		ConditionExpression:       aws.String("#state = :claimed AND claimant = :me"),
		ExpressionAttributeNames:  map[string]string{"#state": "state"},
		ExpressionAttributeValues: map[string]ddbtypes.AttributeValue{":claimed": str(orders.ChargeClaimed), ":me": str(claimant)},
	})
	var failed *ddbtypes.ConditionalCheckFailedException
	if err != nil && !errors.As(err, &failed) {
		return classify("release charge", err)
	}
	return nil
}

// MarkVoided moves an APPROVED record to VOIDED; a record already VOIDED
// stays so.
func (c *Charges) MarkVoided(ctx context.Context, orderID string, at time.Time) error {
	_, err := c.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:                 aws.String(c.table),
		Key:                       map[string]ddbtypes.AttributeValue{attrOrderID: str(orderID)},
		UpdateExpression:          aws.String("SET #state = :voided, updatedAt = :at"),
		ConditionExpression:       aws.String("#state IN (:approved, :voided)"),
		ExpressionAttributeNames:  map[string]string{"#state": "state"},
		ExpressionAttributeValues: map[string]ddbtypes.AttributeValue{":voided": str(orders.ChargeVoided), ":approved": str(orders.ChargeApproved), ":at": str(at.UTC().Format(time.RFC3339Nano))},
	})
	if err != nil {
		return classify("mark charge voided", err)
	}
	return nil
}

func str(s string) ddbtypes.AttributeValue { return &ddbtypes.AttributeValueMemberS{Value: s} }

func millis(t time.Time) ddbtypes.AttributeValue {
	return &ddbtypes.AttributeValueMemberN{Value: strconv.FormatInt(t.UnixMilli(), 10)}
}

// recordItem is the item of a charge record; empty fields are left out.
func recordItem(r orders.ChargeRecord) map[string]ddbtypes.AttributeValue {
	item := map[string]ddbtypes.AttributeValue{
		attrOrderID: str(r.OrderID),
		"state":     str(r.State),
		"updatedAt": str(r.UpdatedAt.UTC().Format(time.RFC3339Nano)),
	}
	put := func(name, v string) {
		if v != "" {
			item[name] = str(v)
		}
	}
	put("claimant", r.Claimant)
	if !r.LeaseUntil.IsZero() {
		item["leaseUntil"] = millis(r.LeaseUntil)
	}
	put("authorizationId", r.AuthorizationID)
	if !r.AuthorizedAt.IsZero() {
		item["authorizedAt"] = str(r.AuthorizedAt.UTC().Format(time.RFC3339Nano))
	}
	put("declineCode", r.DeclineCode)
	put("declineReason", r.DeclineReason)
	return item
}

// parseRecord reads a charge record item.
func parseRecord(item map[string]ddbtypes.AttributeValue) (orders.ChargeRecord, error) {
	s := func(name string) string {
		if v, ok := item[name].(*ddbtypes.AttributeValueMemberS); ok {
			return v.Value
		}
		return ""
	}
	t := func(name string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s(name))
		if err != nil {
			return time.Time{}
		}
		return v
	}
	r := orders.ChargeRecord{
		OrderID: s(attrOrderID), State: s("state"), Claimant: s("claimant"),
		AuthorizationID: s("authorizationId"), AuthorizedAt: t("authorizedAt"),
		DeclineCode: s("declineCode"), DeclineReason: s("declineReason"), UpdatedAt: t("updatedAt"),
	}
	if n, ok := item["leaseUntil"].(*ddbtypes.AttributeValueMemberN); ok {
		ms, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			return orders.ChargeRecord{}, fmt.Errorf("charge record leaseUntil %q: %w", n.Value, err)
		}
		r.LeaseUntil = time.UnixMilli(ms).UTC()
	}
	if r.OrderID == "" || r.State == "" {
		return orders.ChargeRecord{}, errors.New("charge record without orderId or state")
	}
	return r, nil
}
