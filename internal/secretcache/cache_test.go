package secretcache_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/secretcache"
	"github.com/payflow-dev/payflow/localaws/secretslocal"
)

// counting passes reads to the real SDK client and counts them.
type counting struct {
	*secretsmanager.Client
	reads atomic.Int32
}

func (c *counting) GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, optFns ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error) {
	c.reads.Add(1)
	return c.Client.GetSecretValue(ctx, in, optFns...)
}

type env struct {
	sm    *secretsmanager.Client
	r     *counting
	clk   *clock.Fake
	cache *secretcache.Cache
}

// newEnv serves a local Secrets Manager holding the secret "stripe" with
// value v1 and returns a cache of it refreshed every 5 minutes, at most
// every 30 seconds.
func newEnv(tb testing.TB) *env {
	tb.Helper()
	clk := clock.NewFake(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	srv := httptest.NewServer(secretslocal.New(secretslocal.Config{Clock: clk}))
	tb.Cleanup(srv.Close)
	sm := secretsmanager.New(secretsmanager.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
	})
	if _, err := sm.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{Name: aws.String("stripe"), SecretString: aws.String("v1")}); err != nil {
		tb.Fatal(err)
	}
	r := &counting{Client: sm}
	cache, err := secretcache.New(secretcache.Config{Reader: r, SecretID: "stripe", Clock: clk})
	if err != nil {
		tb.Fatal(err)
	}
	return &env{sm: sm, r: r, clk: clk, cache: cache}
}

func (e *env) put(tb testing.TB, v string) {
	tb.Helper()
	if _, err := e.sm.PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("stripe"), SecretString: aws.String(v)}); err != nil {
		tb.Fatal(err)
	}
}

func (e *env) want(tb testing.TB, value string, reads int32) {
	tb.Helper()
	got, err := e.cache.Value(context.Background())
	if err != nil {
		tb.Fatalf("Value: %v", err)
	}
	if got != value || e.r.reads.Load() != reads {
		tb.Fatalf("Value = %q after %d reads, want %q after %d", got, e.r.reads.Load(), value, reads)
	}
}

func TestReadOnceThenRefresh(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.want(t, "v1", 1)
	e.put(t, "v2")
	e.clk.Advance(5*time.Minute - time.Second)
	e.want(t, "v1", 1)
	e.clk.Advance(time.Second)
	e.want(t, "v2", 2)
}

func TestInvalidateIsBounded(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.want(t, "v1", 1)
	e.put(t, "v2")
	e.cache.Invalidate()
	e.want(t, "v1", 1) // read less than 30 s ago: not again yet
	e.clk.Advance(30 * time.Second)
	e.want(t, "v2", 2)
	e.cache.Invalidate()
	e.cache.Invalidate()
	e.want(t, "v2", 2)
}

func TestConcurrentCallersShareOneRead(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := e.cache.Value(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := e.r.reads.Load(); n != 1 {
		t.Errorf("20 concurrent first calls made %d reads, want 1", n)
	}
}

func TestOutageServesTheHeldValue(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.want(t, "v1", 1)
	if _, err := e.sm.DeleteSecret(context.Background(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("stripe"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	e.clk.Advance(5 * time.Minute)
	e.want(t, "v1", 2)
}

func TestNoValueYet(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if _, err := e.sm.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{Name: aws.String("empty")}); err != nil {
		t.Fatal(err)
	}
	cache, err := secretcache.New(secretcache.Config{Reader: e.r, SecretID: "empty", Clock: e.clk})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cache.Value(context.Background()); err == nil {
		t.Fatal("Value of a secret without a value succeeded")
	}
	if _, err := e.sm.PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("empty"), SecretString: aws.String("now")}); err != nil {
		t.Fatal(err)
	}
	got, err := cache.Value(context.Background())
	if err != nil || got != "now" {
		t.Fatalf("Value once the operator put it = %q, %v; want now without waiting", got, err)
	}
}
