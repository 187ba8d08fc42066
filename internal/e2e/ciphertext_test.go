package e2e_test

import (
	"context"
	"encoding/base64"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/orders"
)

// base64Run is a run of base64 long enough to hold a KMS ciphertext of a
// card (the local KMS's, like AWS's, are well over 100 bytes).
var base64Run = regexp.MustCompile(`[A-Za-z0-9+/]{60,}={0,2}`)

// sealedCards returns the orders whose card some KMS ciphertext in text
// opens to: every long base64 run is decoded and given to KMS Decrypt under
// the encryption context of each order placed, as anyone holding
// kms:Decrypt could try.
func (h *harness) sealedCards(text string) []string {
	h.tb.Helper()
	keys := kms.NewFromConfig(h.local.AWS)
	h.seenMu.Lock()
	ids := append([]string(nil), h.orderIDs...)
	h.seenMu.Unlock()
	var found []string
	seen := map[string]bool{}
	for _, run := range base64Run.FindAllString(text, -1) {
		if seen[run] {
			continue
		}
		seen[run] = true
		blob, err := base64.StdEncoding.DecodeString(run)
		if err != nil {
			continue
		}
		for _, id := range ids {
			out, err := keys.Decrypt(context.Background(), &kms.DecryptInput{
				CiphertextBlob: blob, EncryptionContext: map[string]string{orders.EncryptionContextKey: id},
			})
			if err == nil && containsCard(out.Plaintext) {
				found = append(found, id)
			}
		}
	}
	return found
}

var cardDigitsRun = regexp.MustCompile(`[0-9]{13,19}`)

func containsCard(plain []byte) bool {
	for _, m := range cardDigitsRun.FindAll(plain, -1) {
		if _, ok := orders.ValidCardNumber(string(m)); ok {
			return true
		}
	}
	return false
}

// TestCiphertextSearchFindsASealedCard is the search's own control: while
// an order waits for the callback, its sealed card is in the vault, and the
// search must find that it decrypts to card data, or the searches after
// every other test prove nothing.
func TestCiphertextSearchFindsASealedCard(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	if code, _ := h.place(newOrder("search-1", cardApproved)); code != 202 {
		t.Fatalf("POST = %d", code)
	}
	var table string
	for _, f := range h.local.Stack.Functions {
		if f.LogicalID == h.callbackID {
			table = f.Env[functions.EnvVaultTable]
		}
	}
	out, err := dynamodb.NewFromConfig(h.local.AWS).Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(table)})
	if err != nil || len(out.Items) != 1 {
		t.Fatalf("vault = %+v, %v; want the waiting order's card", out, err)
	}
	sealed := out.Items[0]["sealed"].(*ddbtypes.AttributeValueMemberB).Value
	corpus := `{"somewhere":"` + base64.StdEncoding.EncodeToString(sealed) + `"}`
	if got := h.sealedCards(corpus); len(got) != 1 || got[0] != "search-1" {
		t.Fatalf("the search found %v in a corpus holding search-1's sealed card", got)
	}
	// And nothing else the stack exposes holds it.
	h.checkNoCardData(cardApproved)
}
