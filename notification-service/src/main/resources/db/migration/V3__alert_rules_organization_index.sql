-- organization.deleted and organization.member_removed find an organization's rules by this column; most rules
-- are personal (NULL), so only tagged rows are indexed.
CREATE INDEX idx_alert_rules_organization ON alert_rules (organization_id) WHERE organization_id IS NOT NULL;
