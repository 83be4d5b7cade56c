-- Containers an agent reports are nodes of their own with the host's node as parent.
ALTER TABLE nodes ADD parent_id NVARCHAR(64) NULL;
GO
CREATE INDEX ix_nodes_parent ON nodes (parent_id);
