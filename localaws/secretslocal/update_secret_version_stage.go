package secretslocal

type updateSecretVersionStageInput struct {
	secretIDInput
	VersionStage        string `json:"VersionStage"`
	RemoveFromVersionID string `json:"RemoveFromVersionId"`
	MoveToVersionID     string `json:"MoveToVersionId"`
}

// updateSecretVersionStage moves a staging label: off RemoveFromVersionId,
// onto MoveToVersionId, or both. A label held by another version must be
// named with RemoveFromVersionId, and AWSCURRENT can only move, never be
// taken off; moving it makes the version that had it AWSPREVIOUS, as a new
// value does (LocalStack's AWS-validated
// test_update_secret_version_stages_current_pending_cycle).
func (s *regional) updateSecretVersionStage(body []byte) (any, error) {
	check := func(in *updateSecretVersionStageInput) error { return checkStages([]string{in.VersionStage}) }
	return onSecret(s, body, liveOnly, check, func(in *updateSecretVersionStageInput, sec *secret) (any, error) {
		holder, held := sec.byStage(in.VersionStage)
		if in.RemoveFromVersionID != "" && (!held || holder.id != in.RemoveFromVersionID) {
			return nil, errorf(codeInvalidParameter, "The staging label %s is not attached to version %s.", in.VersionStage, in.RemoveFromVersionID)
		}
		if in.MoveToVersionID == "" {
			if in.RemoveFromVersionID == "" {
				return nil, errorf(codeInvalidParameter, "You must specify MoveToVersionId, RemoveFromVersionId or both.")
			}
			if in.VersionStage == stageCurrent {
				return nil, errorf(codeInvalidParameter, "You can only move the staging label AWSCURRENT to another version; it can't be removed.")
			}
			holder.detach(in.VersionStage)
			sec.changed = s.clock.Now()
			return secretRef{ARN: sec.arn, Name: sec.name}, nil
		}
		target, ok := sec.versions[in.MoveToVersionID]
		if !ok {
			return nil, errorf(codeResourceNotFound, "Secrets Manager can't find the specified secret value for VersionId: %s", in.MoveToVersionID)
		}
		if held && holder != target && in.RemoveFromVersionID == "" {
			return nil, errorf(codeInvalidParameter, "The staging label %s is currently attached to version %s. You must specify RemoveFromVersionId to move it.", in.VersionStage, holder.id)
		}
		sec.attach(target, []string{in.VersionStage})
		sec.changed = s.clock.Now()
		return secretRef{ARN: sec.arn, Name: sec.name}, nil
	})
}
