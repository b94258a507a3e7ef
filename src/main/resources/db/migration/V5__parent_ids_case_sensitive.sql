-- A parentId is the MIS's own identifier: "p1" and "P1" are two parents, compared exactly as the
-- service compares them. The default collation folded case, so one pupil with both was refused
-- by the unique key after validation had passed it.
ALTER TABLE parent MODIFY parent_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE intervention MODIFY parent_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
