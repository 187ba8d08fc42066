package localaws_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// endpointService is one service of the local endpoint as the README's
// table of actions names it, and how to ask it for an action.
type endpointService struct {
	row     string // the table's first column
	client  any    // the Go SDK's client, whose methods are the API's operations
	signing string // SigV4 signing name
	target  string // X-Amz-Target prefix; empty for the query protocol
	version string // query protocol API version
}

var endpointServices = []endpointService{
	{row: "Step Functions", client: &sfn.Client{}, signing: "states", target: "AWSStepFunctions"},
	{row: "SQS", client: &sqs.Client{}, signing: "sqs", target: "AmazonSQS"},
	{row: "SNS", client: &sns.Client{}, signing: "sns", version: "2010-03-31"},
	{row: "KMS", client: &kms.Client{}, signing: "kms", target: "TrentService"},
	{row: "Secrets Manager", client: &secretsmanager.Client{}, signing: "secretsmanager", target: "secretsmanager"},
	{row: "DynamoDB", client: &dynamodb.Client{}, signing: "dynamodb", target: "DynamoDB_20120810"},
}

// TestReadmeListsExactlyWhatIsServed asks the endpoint for every operation
// of each service's API (the operations of the Go SDK this module pins)
// with an empty request, and checks that the README's table of actions
// sorts every one of them as the endpoint answers it: served, refused by
// name (an error saying what is not emulated), or unknown to the endpoint.
// An action missing from the table, or in the wrong column, fails the test.
func TestReadmeListsExactlyWhatIsServed(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	t.Cleanup(srv.Close)
	table := readmeActions(t)
	for _, svc := range endpointServices {
		t.Run(svc.row, func(t *testing.T) {
			t.Parallel()
			var served, refused, unknownOps []string
			for _, op := range sdkOperations(svc.client) {
				switch probe(t, srv.URL, svc, op) {
				case answered:
					served = append(served, op)
				case refusedByName:
					refused = append(refused, op)
				default:
					unknownOps = append(unknownOps, op)
				}
			}
			if len(served) == 0 {
				t.Fatal("the endpoint served no operation at all")
			}
			if diff := cmp.Diff(table[svc.row+" served"], served); diff != "" {
				t.Errorf("README's served actions (-README +endpoint):\n%s", diff)
			}
			if diff := cmp.Diff(table[svc.row+" refused"], refused); diff != "" {
				t.Errorf("README's refused actions (-README +endpoint):\n%s", diff)
			}
			if diff := cmp.Diff(table[svc.row+" unknown"], unknownOps); diff != "" {
				t.Errorf("README's actions unknown to the endpoint (-README +endpoint):\n%s", diff)
			}
		})
	}
}

// sdkOperations are the API operations of an SDK client: the methods
// taking a context and the operation's own <Name>Input.
func sdkOperations(client any) []string {
	typ := reflect.TypeOf(client)
	var ops []string
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if m.Type.NumIn() >= 3 && m.Type.In(2).Kind() == reflect.Pointer && m.Type.In(2).Elem().Name() == m.Name+"Input" {
			ops = append(ops, m.Name)
		}
	}
	slices.Sort(ops)
	return ops
}

type answer int

const (
	unknown answer = iota
	answered
	refusedByName
)

// unknownCodes are how each protocol answers an action nobody serves.
var unknownCodes = regexp.MustCompile(`UnknownOperationException|UnsupportedOperation\b|<Code>InvalidAction</Code>`)

// probe sends op with an empty request and reads how it was answered: as
// unknown, refused by name ("does not emulate"), or served (anything else,
// such as a validation error for the missing members).
func probe(tb testing.TB, base string, svc endpointService, op string) answer {
	tb.Helper()
	var req *http.Request
	var err error
	if svc.target != "" {
		req, err = http.NewRequest(http.MethodPost, base+"/", strings.NewReader("{}"))
		if err == nil {
			req.Header.Set("X-Amz-Target", svc.target+"."+op)
			req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		}
	} else {
		form := url.Values{"Action": {op}, "Version": {svc.version}}
		req, err = http.NewRequest(http.MethodPost, base+"/", strings.NewReader(form.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1/"+svc.signing+
		"/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s: %v", op, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	switch {
	case unknownCodes.Match(body):
		return unknown
	case strings.Contains(string(body), "does not emulate"):
		return refusedByName
	default:
		return answered
	}
}

// readmeActions reads the README's table of actions: a row per service
// and what it serves or refuses, each action in backquotes.
func readmeActions(tb testing.TB) map[string][]string {
	tb.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		tb.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "### Every action, by service")
	if start < 0 {
		tb.Fatal(`README has no "### Every action, by service" section`)
	}
	text = text[start:]
	if end := strings.Index(text[4:], "\n#"); end >= 0 {
		text = text[:end+4]
	}
	name := regexp.MustCompile("`([A-Za-z0-9]+)`")
	table := map[string][]string{}
	rows := 0
	for line := range strings.SplitSeq(text, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 6 {
			continue
		}
		row := strings.TrimSpace(cells[1])
		rows++
		for col, key := range map[int]string{2: " served", 3: " refused", 4: " unknown"} {
			for _, m := range name.FindAllStringSubmatch(cells[col], -1) {
				table[row+key] = append(table[row+key], m[1])
			}
		}
	}
	for k := range table {
		slices.Sort(table[k])
	}
	if rows == 0 {
		tb.Fatal("README's table of actions has no rows")
	}
	return table
}
