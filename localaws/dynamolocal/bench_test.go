package dynamolocal_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// BenchmarkSDK measures PutItem, GetItem and UpdateItem calls per second
// through the real SDK over HTTP, from several goroutines, with items the
// size of a charge record and a conditional write as the service makes.
func BenchmarkSDK(b *testing.B) {
	e := newEnv(b)
	e.createTable(b, "bench", "")
	ctx := context.Background()
	const preload = 1000
	for i := range preload {
		e.put(b, "bench", av{"pk": s("k" + strconv.Itoa(i)), "amount": n("12.50"), "currency": s("EUR"), "state": s("AUTHORIZED")})
	}
	// Calls per CPU-second (client and server together, both in this
	// process) stay comparable when other work shares the machine.
	var cpuAtStart time.Duration
	perSecond := func(b *testing.B) {
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
		if used := processCPU() - cpuAtStart; used > 0 {
			b.ReportMetric(float64(b.N)/used.Seconds(), "calls/CPU-s")
		}
	}
	var puts atomic.Int64 // across the calibration runs, so every put is new
	b.Run("PutItem", func(b *testing.B) {
		cpuAtStart = processCPU()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := puts.Add(1)
				_, err := e.client.PutItem(ctx, &dynamodb.PutItemInput{
					TableName:           aws.String("bench"),
					Item:                av{"pk": s("p" + strconv.FormatInt(i, 10)), "amount": n("12.50"), "currency": s("EUR"), "state": s("AUTHORIZED")},
					ConditionExpression: aws.String("attribute_not_exists(pk)"),
				})
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
		perSecond(b)
	})
	b.Run("GetItem", func(b *testing.B) {
		cpuAtStart = processCPU()
		var next atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := next.Add(1) % preload
				out, err := e.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("bench"), Key: av{"pk": s("k" + strconv.FormatInt(i, 10))}})
				if err != nil || out.Item == nil {
					b.Errorf("GetItem: %v, %v", out, err)
					return
				}
			}
		})
		perSecond(b)
	})
	b.Run("UpdateItem", func(b *testing.B) {
		cpuAtStart = processCPU()
		var next atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := next.Add(1) % preload
				_, err := e.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
					TableName: aws.String("bench"), Key: av{"pk": s("k" + strconv.FormatInt(i, 10))},
					UpdateExpression:          aws.String("SET amount = amount + :d, #s = :s"),
					ConditionExpression:       aws.String("attribute_exists(pk)"),
					ExpressionAttributeNames:  map[string]string{"#s": "state"},
					ExpressionAttributeValues: av{":d": n("0.01"), ":s": s("CAPTURED")},
				})
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
		perSecond(b)
	})
}
