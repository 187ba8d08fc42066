package console

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// maxExecutions bounds how many executions of each state machine the
// overview lists (the newest).
const maxExecutions = 100

// maxWaitingReads bounds how many running executions' histories one
// overview reads to find waiting tasks, so that a page left open during a
// load test does not compete with it.
const maxWaitingReads = 50

// Overview is the console's main view.
type Overview struct {
	Now           time.Time      `json:"now"`
	Executions    []Execution    `json:"executions"`
	Waiting       []WaitingTask  `json:"waiting"`
	Queues        []Queue        `json:"queues"`
	Topics        []Topic        `json:"topics"`
	Notifications []Notification `json:"notifications"`
	Metrics       []Metric       `json:"metrics"`
}

// Execution is one Step Functions execution as listed.
type Execution struct {
	Name         string     `json:"name"`
	ARN          string     `json:"arn"`
	StateMachine string     `json:"stateMachine"`
	Status       string     `json:"status"`
	Start        time.Time  `json:"start"`
	Stop         *time.Time `json:"stop,omitempty"`
}

// WaitingTask is a task state of a running execution that waits for a
// task token to be answered.
type WaitingTask struct {
	Execution  string    `json:"execution"`
	ARN        string    `json:"arn"`
	State      string    `json:"state"`
	Resource   string    `json:"resource"`
	Since      time.Time `json:"since"`
	AgeSeconds float64   `json:"ageSeconds"`
}

// Queue is one queue with its depth.
type Queue struct {
	Name       string `json:"name"`
	URL        string `json:"url"`
	Visible    int    `json:"visible"`
	InFlight   int    `json:"inFlight"`
	Delayed    int    `json:"delayed"`
	DeadLetter string `json:"deadLetter,omitempty"`
}

// Topic is one topic with its subscriptions.
type Topic struct {
	Name          string   `json:"name"`
	ARN           string   `json:"arn"`
	Subscriptions []string `json:"subscriptions"`
}

func (c *Console) overview(ctx context.Context) (*Overview, error) {
	o := &Overview{Now: c.clock.Now().UTC(), Notifications: c.feed.Notifications(), Metrics: c.feed.Metrics()}
	var err error
	if o.Executions, err = c.executions(ctx); err != nil {
		return nil, err
	}
	read := 0
	for _, x := range o.Executions {
		if x.Status != string(sfntypes.ExecutionStatusRunning) || read == maxWaitingReads {
			continue
		}
		read++
		w, err := c.waiting(ctx, x)
		if err != nil {
			return nil, err
		}
		o.Waiting = append(o.Waiting, w...)
	}
	if o.Queues, err = c.queues(ctx); err != nil {
		return nil, err
	}
	if o.Topics, err = c.topics(ctx); err != nil {
		return nil, err
	}
	return o, nil
}

func (c *Console) executions(ctx context.Context) ([]Execution, error) {
	out := []Execution{}
	machines := sfn.NewListStateMachinesPaginator(c.sfn, &sfn.ListStateMachinesInput{})
	for machines.HasMorePages() {
		page, err := machines.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list state machines: %w", err)
		}
		for _, m := range page.StateMachines {
			list, err := c.sfn.ListExecutions(ctx, &sfn.ListExecutionsInput{
				StateMachineArn: m.StateMachineArn, MaxResults: maxExecutions,
			})
			if err != nil {
				return nil, fmt.Errorf("list executions: %w", err)
			}
			for _, x := range list.Executions {
				out = append(out, Execution{
					Name: aws.ToString(x.Name), ARN: aws.ToString(x.ExecutionArn), StateMachine: aws.ToString(m.Name),
					Status: string(x.Status), Start: aws.ToTime(x.StartDate), Stop: x.StopDate,
				})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.After(out[j].Start) })
	return out, nil
}

// waiting reads a running execution's history for task states that wait
// for a token, or for an activity worker, and have not been answered.
func (c *Console) waiting(ctx context.Context, x Execution) ([]WaitingTask, error) {
	events, err := c.history(ctx, x.ARN)
	if err != nil {
		return nil, err
	}
	open := map[string]WaitingTask{}
	state := ""
	for _, e := range events {
		switch {
		case e.StateEnteredEventDetails != nil:
			state = aws.ToString(e.StateEnteredEventDetails.Name)
		case e.TaskScheduledEventDetails != nil:
			d := e.TaskScheduledEventDetails
			res := aws.ToString(d.Resource)
			if strings.HasSuffix(res, ".waitForTaskToken") {
				open[state] = WaitingTask{Execution: x.Name, ARN: x.ARN, State: state,
					Resource: aws.ToString(d.ResourceType) + ":" + res, Since: aws.ToTime(e.Timestamp)}
			}
		case e.ActivityScheduledEventDetails != nil:
			// An activity task waits for a worker's GetActivityTask and
			// answer, as a callback task waits for its token.
			open[state] = WaitingTask{Execution: x.Name, ARN: x.ARN, State: state,
				Resource: "activity:" + aws.ToString(e.ActivityScheduledEventDetails.Resource), Since: aws.ToTime(e.Timestamp)}
		case e.StateExitedEventDetails != nil:
			delete(open, aws.ToString(e.StateExitedEventDetails.Name))
		case e.TaskSucceededEventDetails != nil, e.TaskFailedEventDetails != nil, e.TaskTimedOutEventDetails != nil,
			e.ActivitySucceededEventDetails != nil, e.ActivityFailedEventDetails != nil,
			e.ActivityTimedOutEventDetails != nil, e.ActivityScheduleFailedEventDetails != nil:
			delete(open, state)
		}
	}
	now := c.clock.Now()
	out := make([]WaitingTask, 0, len(open))
	for _, w := range open {
		w.AgeSeconds = now.Sub(w.Since).Round(time.Millisecond).Seconds()
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].State < out[j].State })
	return out, nil
}

func (c *Console) queues(ctx context.Context) ([]Queue, error) {
	out := []Queue{}
	list := sqs.NewListQueuesPaginator(c.sqs, &sqs.ListQueuesInput{})
	for list.HasMorePages() {
		page, err := list.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list queues: %w", err)
		}
		for _, url := range page.QueueUrls {
			attrs, err := c.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
				QueueUrl: aws.String(url), AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameAll},
			})
			if err != nil {
				return nil, fmt.Errorf("get queue attributes: %w", err)
			}
			a := attrs.Attributes
			out = append(out, Queue{
				Name: url[strings.LastIndex(url, "/")+1:], URL: url,
				Visible: atoi(a["ApproximateNumberOfMessages"]), InFlight: atoi(a["ApproximateNumberOfMessagesNotVisible"]),
				Delayed: atoi(a["ApproximateNumberOfMessagesDelayed"]), DeadLetter: deadLetterName(a["RedrivePolicy"]),
			})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (c *Console) topics(ctx context.Context) ([]Topic, error) {
	out := []Topic{}
	list := sns.NewListTopicsPaginator(c.sns, &sns.ListTopicsInput{})
	for list.HasMorePages() {
		page, err := list.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list topics: %w", err)
		}
		for _, t := range page.Topics {
			arn := aws.ToString(t.TopicArn)
			subs, err := c.sns.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: t.TopicArn})
			if err != nil {
				return nil, fmt.Errorf("list subscriptions: %w", err)
			}
			topic := Topic{Name: arn[strings.LastIndex(arn, ":")+1:], ARN: arn, Subscriptions: []string{}}
			for _, s := range subs.Subscriptions {
				topic.Subscriptions = append(topic.Subscriptions, aws.ToString(s.Protocol)+": "+aws.ToString(s.Endpoint))
			}
			out = append(out, topic)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// deadLetterName reads the target queue's name from a RedrivePolicy.
func deadLetterName(policy string) string {
	var p struct {
		Target string `json:"deadLetterTargetArn"`
	}
	if policy == "" || json.Unmarshal([]byte(policy), &p) != nil || p.Target == "" {
		return ""
	}
	return p.Target[strings.LastIndex(p.Target, ":")+1:]
}
