package awsadapter

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Vault is the card vault in a DynamoDB table keyed by orderId (hash) and
// ref (range), whose TimeToLiveSpecification names expiresAt (epoch
// seconds). It implements orders.CardVault.
type Vault struct {
	client *dynamodb.Client
	table  string
}

// Attribute names of the vault table, as template.yml declares them.
const (
	attrOrderID   = "orderId"
	attrRef       = "ref"
	attrSealed    = "sealed"
	attrExpiresAt = "expiresAt"
)

// NewVault returns the vault in table.
func NewVault(client *dynamodb.Client, table string) *Vault {
	return &Vault{client: client, table: table}
}

func vaultKey(orderID, ref string) map[string]ddbtypes.AttributeValue {
	return map[string]ddbtypes.AttributeValue{
		attrOrderID: &ddbtypes.AttributeValueMemberS{Value: orderID},
		attrRef:     &ddbtypes.AttributeValueMemberS{Value: ref},
	}
}

// PutCard stores the entry; it never overwrites another placement's card.
func (v *Vault) PutCard(ctx context.Context, e orders.VaultEntry) error {
	item := vaultKey(e.OrderID, e.Ref)
	item[attrSealed] = &ddbtypes.AttributeValueMemberB{Value: e.Sealed}
	item[attrExpiresAt] = &ddbtypes.AttributeValueMemberN{Value: strconv.FormatInt(e.ExpiresAt.Unix(), 10)}
	_, err := v.client.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           aws.String(v.table),
		Item:                item,
		ConditionExpression: aws.String("attribute_not_exists(orderId)"),
	})
	if err != nil {
		return classify("put card in vault", err)
	}
	return nil
}

// GetCard reads the entry with a strongly consistent read, so a card put
// just before the message arrives is found.
func (v *Vault) GetCard(ctx context.Context, orderID, ref string) (orders.VaultEntry, error) {
	out, err := v.client.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(v.table), Key: vaultKey(orderID, ref), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return orders.VaultEntry{}, classify("get card from vault", err)
	}
	if out.Item == nil {
		return orders.VaultEntry{}, fmt.Errorf("get card from vault: %s/%s: %w", orderID, ref, orders.ErrNotFound)
	}
	sealed, _ := out.Item[attrSealed].(*ddbtypes.AttributeValueMemberB)
	expires, _ := out.Item[attrExpiresAt].(*ddbtypes.AttributeValueMemberN)
	if sealed == nil || expires == nil {
		return orders.VaultEntry{}, fmt.Errorf("get card from vault: %s/%s lacks sealed or expiresAt: %w", orderID, ref, orders.ErrCardUnreadable)
	}
	secs, err := strconv.ParseInt(expires.Value, 10, 64)
	if err != nil {
		return orders.VaultEntry{}, fmt.Errorf("get card from vault: expiresAt %q: %w", expires.Value, orders.ErrCardUnreadable)
	}
	return orders.VaultEntry{OrderID: orderID, Ref: ref, Sealed: sealed.Value, ExpiresAt: time.Unix(secs, 0).UTC()}, nil
}

// DeleteCard removes the entry; an absent entry is no error.
func (v *Vault) DeleteCard(ctx context.Context, orderID, ref string) error {
	_, err := v.client.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(v.table), Key: vaultKey(orderID, ref)})
	if err != nil {
		return classify("delete card from vault", err)
	}
	return nil
}
