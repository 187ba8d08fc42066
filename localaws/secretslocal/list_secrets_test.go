package secretslocal_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"
)

// list returns the names of every listed secret, following NextToken.
func list(tb testing.TB, c *secretsmanager.Client, includeDeleted bool, filters ...types.Filter) []string {
	tb.Helper()
	var names []string
	p := secretsmanager.NewListSecretsPaginator(c, &secretsmanager.ListSecretsInput{
		MaxResults: aws.Int32(2), IncludePlannedDeletion: aws.Bool(includeDeleted), Filters: filters,
	})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatalf("ListSecrets: %v", err)
		}
		for _, e := range page.SecretList {
			names = append(names, aws.ToString(e.Name))
		}
	}
	return names
}

func TestListSecrets(t *testing.T) {
	t.Parallel()
	c, clk, _ := newClient(t)
	for _, name := range []string{"prod/stripe", "prod/db", "dev/stripe", "prod/mail", "dev/db"} {
		create(t, c, name, aws.String("v"))
		clk.Advance(time.Minute)
	}
	tests := []struct {
		name    string
		filters []types.Filter
		want    []string
	}{
		{name: "all, oldest first, in pages of 2", want: []string{"prod/stripe", "prod/db", "dev/stripe", "prod/mail", "dev/db"}},
		{name: "name prefix", filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"prod/"}}}, want: []string{"prod/stripe", "prod/db", "prod/mail"}},
		{name: "negated prefix", filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"!prod/"}}}, want: []string{"dev/stripe", "dev/db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, list(t, c, false, tt.filters...)); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListSecretsEntry(t *testing.T) {
	t.Parallel()
	c, clk, _ := newClient(t)
	ctx := context.Background()
	arn := create(t, c, "entry", aws.String("v"))
	clk.Advance(3 * time.Hour)
	current(t, c, "entry")
	out, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatalf("ListSecrets: %v", err)
	}
	if len(out.SecretList) != 1 {
		t.Fatalf("SecretList = %+v, want one entry", out.SecretList)
	}
	e := out.SecretList[0]
	if aws.ToString(e.ARN) != arn || !e.CreatedDate.Equal(t0) || len(e.SecretVersionsToStages) != 1 {
		t.Errorf("entry = %+v, want ARN %s created %v with one version", e, arn, t0)
	}
	// AWS keeps only the day of the last access.
	if want := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC); e.LastAccessedDate == nil || !e.LastAccessedDate.Equal(want) {
		t.Errorf("LastAccessedDate = %v, want %v", e.LastAccessedDate, want)
	}
	_, err = c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String("not-a-token!")})
	if code, _ := apiError(t, err); code != "InvalidNextTokenException" {
		t.Errorf("ListSecrets with a bad NextToken = %v, want InvalidNextTokenException", err)
	}
}
