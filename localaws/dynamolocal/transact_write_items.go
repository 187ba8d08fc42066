package dynamolocal

import (
	"crypto/sha256"
	"errors"
	"strings"
	"time"
)

// idempotencyWindow is how long a ClientRequestToken makes a
// TransactWriteItems call idempotent.
const idempotencyWindow = 10 * time.Minute

type conditionCheckWire struct {
	TableName                           string  `json:"TableName"`
	Key                                 Item    `json:"Key"`
	ConditionExpression                 *string `json:"ConditionExpression"`
	ReturnValuesOnConditionCheckFailure string  `json:"ReturnValuesOnConditionCheckFailure"`
	exprParams
}

type transactWriteInput struct {
	TransactItems []struct {
		ConditionCheck *conditionCheckWire `json:"ConditionCheck"`
		Put            *putItemInput       `json:"Put"`
		Delete         *deleteItemInput    `json:"Delete"`
		Update         *updateItemInput    `json:"Update"`
	} `json:"TransactItems"`
	ClientRequestToken     string `json:"ClientRequestToken"`
	ReturnConsumedCapacity string `json:"ReturnConsumedCapacity"`
}

type transactWriteOutput struct{}

// conditionCheckPlan is a transaction's ConditionCheck action.
type conditionCheckPlan struct {
	deletePlan
}

func (p conditionCheckPlan) change(s *regional) (change, error) {
	ch, err := p.deletePlan.change(s)
	ch.write = false
	return ch, err
}

// tokenRecord remembers a ClientRequestToken's request for the
// idempotency window.
type tokenRecord struct {
	digest [32]byte
	at     time.Time
}

func (s *regional) planTransactWrite(in transactWriteInput) ([]changer, error) {
	if n := len(in.TransactItems); n == 0 || n > maxTransactItems {
		return nil, validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100, Member must have length greater than or equal to 1")
	}
	plans := make([]changer, len(in.TransactItems))
	for i, ti := range in.TransactItems {
		set := 0
		var err error
		if ti.ConditionCheck != nil {
			set++
			c := ti.ConditionCheck
			if c.ConditionExpression == nil {
				return nil, validation("1 validation error detected: Value null at 'transactItems.%d.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null", i+1)
			}
			var dp deletePlan
			dp, err = s.planDelete(deleteItemInput{TableName: c.TableName, Key: c.Key, ConditionExpression: c.ConditionExpression,
				ReturnValuesOnConditionCheckFailure: c.ReturnValuesOnConditionCheckFailure, exprParams: c.exprParams})
			plans[i] = conditionCheckPlan{dp}
		}
		if ti.Put != nil {
			set++
			plans[i], err = s.planPut(*ti.Put)
		}
		if ti.Delete != nil {
			set++
			plans[i], err = s.planDelete(*ti.Delete)
		}
		if ti.Update != nil {
			set++
			if ti.Update.UpdateExpression == nil {
				return nil, validation("1 validation error detected: Value null at 'transactItems.%d.member.update.updateExpression' failed to satisfy constraint: Member must not be null", i+1)
			}
			plans[i], err = s.planUpdate(*ti.Update)
		}
		if err != nil {
			return nil, err
		}
		if set != 1 {
			return nil, validation("TransactItems can only contain one of Check, Put, Update or Delete")
		}
	}
	return plans, nil
}

func (s *regional) transactWriteItems(body []byte) (any, error) {
	var in transactWriteInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	plans, err := s.planTransactWrite(in)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.ClientRequestToken != "" {
		digest := sha256.Sum256(body)
		now := s.clock.Now()
		if rec, ok := s.tokens[in.ClientRequestToken]; ok && now.Sub(rec.at) < idempotencyWindow {
			if rec.digest != digest {
				return nil, errorf(codeIdempotentMismatch, "Request token %s was used with different parameters", in.ClientRequestToken)
			}
			return transactWriteOutput{}, nil
		}
		defer func() {
			if err == nil {
				s.tokens[in.ClientRequestToken] = tokenRecord{digest: digest, at: now}
			}
		}()
	}
	changes := make([]change, len(plans))
	reasons := make([]CancellationReason, len(plans))
	cancelled := false
	seen := map[*table]map[string]bool{}
	for i, p := range plans {
		ch, cerr := p.change(s)
		var derr *Error
		switch {
		case cerr == nil:
			reasons[i] = CancellationReason{Code: "None"}
		case errors.As(cerr, &derr) && derr.Code == codeConditionalCheckFailed:
			reasons[i] = CancellationReason{Code: "ConditionalCheckFailed", Message: derr.Message, Item: derr.Item}
			cancelled = true
			continue
		case errors.As(cerr, &derr) && derr.Code == codeValidation && isRuntimeValidation(derr.Message):
			reasons[i] = CancellationReason{Code: "ValidationError", Message: derr.Message}
			cancelled = true
			continue
		default:
			err = cerr
			return nil, err
		}
		if seen[ch.t] == nil {
			seen[ch.t] = map[string]bool{}
		}
		if seen[ch.t][ch.key] {
			err = validation("Transaction request cannot include multiple operations on one item")
			return nil, err
		}
		seen[ch.t][ch.key] = true
		changes[i] = ch
	}
	if cancelled {
		codes := make([]string, len(reasons))
		for i, r := range reasons {
			codes[i] = r.Code
		}
		err = &Error{Code: codeTransactionCanceled, Reasons: reasons,
			Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]"}
		return nil, err
	}
	for _, ch := range changes {
		ch.apply()
	}
	return transactWriteOutput{}, nil
}

// isRuntimeValidation reports whether a ValidationException comes from
// evaluating an action against the stored item (which cancels a
// transaction) rather than from the request's shape.
func isRuntimeValidation(msg string) bool {
	for _, m := range []string{
		"An operand in the update expression has an incorrect data type",
		"The provided expression refers to an attribute that does not exist in the item",
		"The document path provided in the update expression is invalid for update",
		"Item size to update has exceeded the maximum allowed size",
		"Number overflow", "Number underflow",
	} {
		if strings.HasPrefix(msg, m) {
			return true
		}
	}
	return false
}
