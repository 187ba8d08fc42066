package secretslocal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// The staging labels Secrets Manager manages itself.
const (
	stageCurrent  = "AWSCURRENT"
	stagePrevious = "AWSPREVIOUS"
	stagePending  = "AWSPENDING"
)

// secret is one secret: its metadata and its versions.
type secret struct {
	name        string
	arn         string
	description string
	kmsKeyID    string
	tags        []tag
	created     time.Time
	changed     time.Time
	accessed    time.Time // zero until the first GetSecretValue
	deletion    time.Time // zero unless scheduled for deletion: when it goes
	deletedAt   time.Time // when DeleteSecret scheduled it
	versions    map[string]*version
	policy      string // the resource policy; empty for none
}

// version is one value of a secret. A version without staging labels is
// deprecated: still readable by VersionId, never by stage.
type version struct {
	id      string
	str     *string
	bin     []byte
	stages  []string
	created time.Time
	// accessed is the day of the last GetSecretValue of this version;
	// zero until then.
	accessed time.Time
}

// tag is a Secrets Manager resource tag.
type tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// sameValue reports whether v holds exactly the value str/bin.
func (v *version) sameValue(str *string, bin []byte) bool {
	if (v.str == nil) != (str == nil) {
		return false
	}
	if v.str != nil && *v.str != *str {
		return false
	}
	return bytes.Equal(v.bin, bin)
}

// byStage returns the version carrying stage, if any.
func (sec *secret) byStage(stage string) (*version, bool) {
	for _, v := range sec.versions {
		if slices.Contains(v.stages, stage) {
			return v, true
		}
	}
	return nil, false
}

// stagesByVersion is the VersionIdsToStages map of DescribeSecret and
// ListSecrets: the versions that still have a label (AWS leaves deprecated
// ones out; LocalStack's AWS-validated test_update_secret_description), nil
// when there are none, so that the member is omitted as AWS omits it.
func (sec *secret) stagesByVersion() map[string][]string {
	var out map[string][]string
	for id, v := range sec.versions {
		if len(v.stages) == 0 {
			continue
		}
		if out == nil {
			out = make(map[string][]string, len(sec.versions))
		}
		out[id] = append([]string{}, v.stages...)
	}
	return out
}

// attach moves each of stages onto v, taking it off whichever version had
// it. When AWSCURRENT moves, the version that lost it becomes AWSPREVIOUS
// and drops AWSPENDING (its rotation is over), as Secrets Manager does on
// every new current value. Labels are kept sorted, the order AWS lists
// them in. (LocalStack's AWS-validated
// test_update_secret_version_stages_current_pending and its _cycle tests
// record these moves.)
func (sec *secret) attach(v *version, stages []string) {
	for _, stage := range stages {
		if slices.Contains(v.stages, stage) {
			continue
		}
		old, had := sec.byStage(stage)
		if had {
			old.detach(stage)
		}
		v.stages = append(v.stages, stage)
		if stage == stageCurrent && had {
			if prev, ok := sec.byStage(stagePrevious); ok {
				prev.detach(stagePrevious)
			}
			old.detach(stagePending)
			old.stages = append(old.stages, stagePrevious)
			slices.Sort(old.stages)
		}
	}
	slices.Sort(v.stages)
}

// detach takes stage off v.
func (v *version) detach(stage string) {
	v.stages = slices.DeleteFunc(v.stages, func(s string) bool { return s == stage })
}

// lookup finds the secret a SecretId names: its name, its full ARN, or its
// ARN without the six random characters AWS appends. A secret whose
// recovery window has ended is removed first, as AWS would have deleted it
// by then. The caller holds s.mu.
func (s *regional) lookup(id string) (*secret, error) {
	if err := checkSecretID(id); err != nil {
		return nil, err
	}
	s.purge()
	if sec, ok := s.secrets[id]; ok {
		return sec, nil
	}
	if name, ok := s.nameFromARN(id); ok {
		if sec, ok := s.secrets[name]; ok && (id == sec.arn || id == sec.partialARN()) {
			return sec, nil
		}
	}
	return nil, errNotFound()
}

// partialARN is the secret's ARN without the hyphen and six random
// characters, which AWS accepts as a SecretId too.
func (sec *secret) partialARN() string { return sec.arn[:len(sec.arn)-len("-XXXXXX")] }

// missing reports whether err is lookup's answer for a SecretId that names
// no secret.
func missing(err error) bool {
	var apiErr *awsproto.Error
	return errors.As(err, &apiErr) && apiErr.Code == codeResourceNotFound
}

// live is lookup for the operations a secret scheduled for deletion
// refuses.
func (s *regional) live(id string) (*secret, error) {
	sec, err := s.lookup(id)
	if err != nil {
		return nil, err
	}
	if !sec.deletion.IsZero() {
		return nil, newError(codeInvalidRequest, msgMarkedForDeletion)
	}
	return sec, nil
}

// nameFromARN returns the secret name part of a full or partial secret ARN
// of this Service's Region and account.
func (s *regional) nameFromARN(id string) (string, bool) {
	rest, ok := strings.CutPrefix(id, fmt.Sprintf("arn:%s:secretsmanager:%s:%s:secret:", s.partition, s.region, s.account))
	if !ok || rest == "" {
		return "", false
	}
	if _, ok := s.secrets[rest]; ok {
		return rest, true
	}
	i := strings.LastIndexByte(rest, '-')
	if i < 0 || len(rest)-i != len("-XXXXXX") {
		return "", false
	}
	return rest[:i], true
}

// purge removes the secrets whose recovery window has ended. The caller
// holds s.mu.
func (s *regional) purge() {
	now := s.clock.Now()
	for name, sec := range s.secrets {
		if !sec.deletion.IsZero() && !now.Before(sec.deletion) {
			delete(s.secrets, name)
		}
	}
}

// arnSuffixAlphabet is what the six random characters of a secret ARN are
// drawn from.
const arnSuffixAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newARN returns an ARN for name with AWS's hyphen and six random
// characters, so that a deleted and recreated secret gets a new ARN.
func (s *regional) newARN(name string) (string, error) {
	b := make([]byte, 6)
	if _, err := io.ReadFull(s.random, b); err != nil {
		return "", fmt.Errorf("read random: %w", err)
	}
	for i := range b {
		b[i] = arnSuffixAlphabet[int(b[i])%len(arnSuffixAlphabet)]
	}
	return fmt.Sprintf("arn:%s:secretsmanager:%s:%s:secret:%s-%s", s.partition, s.region, s.account, name, b), nil
}

// epoch renders t as the JSON protocols' timestamps: seconds since the
// epoch, with milliseconds.
func epoch(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

// epochOrNil is epoch for optional members: nil for the zero time.
func epochOrNil(t time.Time) *float64 {
	if t.IsZero() {
		return nil
	}
	e := epoch(t)
	return &e
}
