-- The policy the shipped "Scan new nodes before deployment" template evaluates: no critical or high finding.
-- Seeded once; an admin may edit or delete it afterwards and it is not brought back.
INSERT INTO policies (name, body, created_at, updated_at, updated_by)
SELECT 'default', '{"name":"default","maxCount":{"critical":0,"high":0}}',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'vigil'
WHERE NOT EXISTS (SELECT 1 FROM policies WHERE name = 'default');
