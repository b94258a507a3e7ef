-- The version of each policy's rules the pupils were last judged by, so that a policy edited while the
-- service was stopped is noticed at the next start and its schools' days are judged again.
CREATE TABLE policy_in_force (
    policy_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    version    VARCHAR(64)   NOT NULL,
    since      TIMESTAMP(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
