-- What the catalog pages show (categories, items, their forms, and the stores and devices their
-- pickers list) carries a content version, as the search index does: each instance caches those
-- pages' data and reloads it when the version moved. Triggers bump it, so every way of changing
-- these tables (the admin pages, imports, the demo data, a hand-run statement) is covered.
INSERT INTO content_versions (name, version) VALUES ('catalog', 1);

CREATE TRIGGER categories_insert_bumps_catalog AFTER INSERT ON categories
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER categories_update_bumps_catalog AFTER UPDATE ON categories
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER categories_delete_bumps_catalog AFTER DELETE ON categories
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER items_insert_bumps_catalog AFTER INSERT ON items
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER items_update_bumps_catalog AFTER UPDATE ON items
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER items_delete_bumps_catalog AFTER DELETE ON items
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER form_versions_insert_bumps_catalog AFTER INSERT ON form_versions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER form_versions_update_bumps_catalog AFTER UPDATE ON form_versions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER form_versions_delete_bumps_catalog AFTER DELETE ON form_versions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER stores_insert_bumps_catalog AFTER INSERT ON stores
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER stores_update_bumps_catalog AFTER UPDATE ON stores
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER stores_delete_bumps_catalog AFTER DELETE ON stores
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER assets_insert_bumps_catalog AFTER INSERT ON assets
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER assets_update_bumps_catalog AFTER UPDATE ON assets
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;

CREATE TRIGGER assets_delete_bumps_catalog AFTER DELETE ON assets
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = 'catalog';
END;
