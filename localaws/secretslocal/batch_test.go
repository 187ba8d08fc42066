package secretslocal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// TestBatchGetSecretValue reads named secrets (a missing one is reported
// in Errors without failing the others) and filtered ones a page at a
// time, and refuses a request naming both or neither.
func TestBatchGetSecretValue(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	for _, name := range []string{"app/a", "app/b", "other"} {
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("value of " + name)}); err != nil {
			t.Fatal(err)
		}
	}
	out, err := c.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a", "missing", "other"}})
	if err != nil {
		t.Fatalf("BatchGetSecretValue: %v", err)
	}
	if len(out.SecretValues) != 2 || aws.ToString(out.SecretValues[0].SecretString) != "value of app/a" || aws.ToString(out.SecretValues[1].SecretString) != "value of other" {
		t.Errorf("SecretValues = %+v, want app/a and other", out.SecretValues)
	}
	if len(out.Errors) != 1 || aws.ToString(out.Errors[0].SecretId) != "missing" || aws.ToString(out.Errors[0].ErrorCode) != "ResourceNotFoundException" {
		t.Errorf("Errors = %+v, want the missing secret's ResourceNotFoundException", out.Errors)
	}
	var got []string
	var token *string
	for page := 0; page < 5; page++ {
		out, err := c.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{MaxResults: aws.Int32(1), NextToken: token,
			Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"app/"}}}})
		if err != nil {
			t.Fatalf("BatchGetSecretValue with filters: %v", err)
		}
		for _, v := range out.SecretValues {
			got = append(got, aws.ToString(v.Name))
		}
		if token = out.NextToken; token == nil {
			break
		}
	}
	if strings.Join(got, ",") != "app/a,app/b" {
		t.Errorf("filtered pages = %v, want app/a then app/b", got)
	}
	for name, in := range map[string]*secretsmanager.BatchGetSecretValueInput{
		"both":    {SecretIdList: []string{"app/a"}, Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"app/"}}}},
		"neither": {},
	} {
		if _, err := c.BatchGetSecretValue(ctx, in); err == nil {
			t.Errorf("BatchGetSecretValue with %s of SecretIdList and Filters succeeded", name)
		}
	}
}

// TestInvalidSecretID checks that a SecretId no secret could have is
// refused before any lookup, with the ValidationException LocalStack's
// AWS-validated test_invalid_secret_name records for each action.
func TestInvalidSecretID(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t)
	ctx := context.Background()
	id := aws.String("Inv Name")
	calls := map[string]func() error{
		"DescribeSecret": func() error {
			_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: id})
			return err
		},
		"GetSecretValue": func() error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id})
			return err
		},
		"PutSecretValue": func() error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("x")})
			return err
		},
		"ListSecretVersionIds": func() error {
			_, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: id})
			return err
		},
		"TagResource": func() error {
			_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: id, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		},
		"DeleteSecret": func() error {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id})
			return err
		},
	}
	for name, call := range calls {
		code, msg := apiError(t, call())
		if code != "ValidationException" || !strings.HasPrefix(msg, "Invalid name. Must be a valid name containing alphanumeric characters") {
			t.Errorf("%s of %q = %s %q, want AWS's ValidationException", name, *id, code, msg)
		}
	}
}

// TestValueNeedsClientRequestToken sends CreateSecret and PutSecretValue
// as a hand-made request without the ClientRequestToken the SDKs fill in,
// and expects AWS's refusal (LocalStack's AWS-validated
// test_no_client_request_token).
func TestValueNeedsClientRequestToken(t *testing.T) {
	t.Parallel()
	c, _, url := newClient(t)
	if _, err := c.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{Name: aws.String("exists")}); err != nil {
		t.Fatal(err)
	}
	for op, body := range map[string]string{
		"CreateSecret":   `{"Name":"fresh","SecretString":"thisisthesecret"}`,
		"PutSecretValue": `{"SecretId":"exists","SecretString":"thisisthesecret"}`,
		"UpdateSecret":   `{"SecretId":"exists","SecretString":"thisisthesecret"}`,
	} {
		req, err := http.NewRequest(http.MethodPost, url+"/", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Amz-Target", "secretsmanager."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		// AWS writes "Message" with a capital M in Secrets Manager's errors.
		var got map[string]string
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 400 || got["__type"] != "InvalidRequestException" ||
			got["Message"] != "You must provide a ClientRequestToken value. We recommend a UUID-type value." {
			t.Errorf("%s without a token = %d %v (%v)", op, resp.StatusCode, got, err)
		}
	}
}
