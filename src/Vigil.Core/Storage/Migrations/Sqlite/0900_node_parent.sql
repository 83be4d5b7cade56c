-- Containers an agent reports are nodes of their own with the host's node as parent.
ALTER TABLE nodes ADD COLUMN parent_id TEXT NULL;
CREATE INDEX ix_nodes_parent ON nodes (parent_id);
