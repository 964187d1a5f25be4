-- What the catalog pages show (categories, items, their forms, and the stores and devices their
-- pickers list) carries a content version, as the search index does: each instance caches those
-- pages' data and reloads it when the version moved. Triggers bump it, so every way of changing
-- these tables (the admin pages, imports, the demo data, a hand-run statement) is covered.
INSERT INTO content_versions (name, version) VALUES ('catalog', 1);

CREATE FUNCTION bump_catalog_version() RETURNS trigger AS $$
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER categories_bumps_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TRIGGER items_bumps_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TRIGGER form_versions_bumps_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON form_versions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TRIGGER stores_bumps_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON stores
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TRIGGER assets_bumps_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
