-- Why an action was raised: the values its rule's conditions read, as they stood on the first day its condition held
-- (a JSON array of {fact, field, value}). Actions raised before this release have none.
ALTER TABLE recommended_action ADD COLUMN because JSON;
