-- A parent id is the MIS's own identifier and may contain a comma, so the parents a penalty-notice
-- action names are kept as a JSON array rather than joined with commas.
UPDATE recommended_action SET parent_ids = NULL WHERE parent_ids = '';
UPDATE recommended_action
   SET parent_ids = CONCAT('["', REPLACE(REPLACE(REPLACE(parent_ids, '\\', '\\\\'), '"', '\\"'), ',', '","'), '"]')
 WHERE parent_ids IS NOT NULL;
ALTER TABLE recommended_action MODIFY parent_ids JSON;

-- A user's roles as rows, like their schools.
CREATE TABLE app_user_role (
    user_id  BIGINT       NOT NULL,
    role     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, r.role
  FROM app_user u
  JOIN (SELECT 'admin' AS role UNION ALL SELECT 'author' UNION ALL SELECT 'lead') r
    ON FIND_IN_SET(r.role, REPLACE(u.roles, ' ', '')) > 0;

ALTER TABLE app_user DROP COLUMN roles;
