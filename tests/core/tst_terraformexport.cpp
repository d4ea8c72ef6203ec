// Terraform export: identifiers made from key names, HCL string escaping, import ids, and the shape
// of the configuration.
#include "export/terraformexport.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

const QString kProject = u"32b6e34b3d91647abb20e7b8"_s;

AiKey key(const QString &id, const QString &name, const QString &project = kProject)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = name;
    k.groupId = project;
    k.cloud = u"ANY"_s;
    k.geography = u"ANY"_s;
    return k;
}

// What Terraform accepts as a block label used as a resource name: a letter or underscore first,
// then letters, digits, underscores and dashes (ASCII here, by our choice).
bool validIdentifier(const QString &s)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_-]*$"_s);
    return re.match(s).hasMatch();
}

} // namespace

class TestTerraformExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"search"_s << u"search"_s;
        QTest::newRow("dashes kept") << u"prod-search-embeddings"_s << u"prod-search-embeddings"_s;
        QTest::newRow("spaces") << u"staging rerank"_s << u"staging_rerank"_s;
        QTest::newRow("runs of separators") << u"a  --  b"_s << u"a_--_b"_s;
        QTest::newRow("parentheses") << u"Jupyter notebook (Ana)"_s << u"jupyter_notebook_ana"_s;
        QTest::newRow("quotes") << u"the \"main\" key's"_s << u"the_main_key_s"_s;
        QTest::newRow("upper case") << u"Prod"_s << u"prod"_s;
        QTest::newRow("accents transliterated") << u"Café Ñandú"_s << u"cafe_nandu"_s;
        QTest::newRow("ligature folded") << u"ﬁle"_s << u"file"_s;
        QTest::newRow("full-width folded") << u"ＡＢＣ１"_s << u"abc1"_s;
        QTest::newRow("no latin letters") << u"検索キー"_s << u"key"_s;
        QTest::newRow("emoji only") << u"🔑🔑"_s << u"key"_s;
        QTest::newRow("emoji inside") << u"search 🔑 v2"_s << u"search_v2"_s;
        QTest::newRow("leading digits") << u"2024 backfill"_s << u"key_2024_backfill"_s;
        QTest::newRow("digits only") << u"42"_s << u"key_42"_s;
        QTest::newRow("leading dash") << u"-x"_s << u"x"_s;
        QTest::newRow("leading underscore dropped") << u"_x"_s << u"x"_s;
        QTest::newRow("empty") << QString() << u"key"_s;
        QTest::newRow("only separators") << u" _-_ "_s << u"key"_s;
        QTest::newRow("dots and slashes") << u"a.b/c\\d"_s << u"a_b_c_d"_s;
        QTest::newRow("template sequence") << u"${var.x}"_s << u"var_x"_s;
        QTest::newRow("newline") << u"line1\nline2"_s << u"line1_line2"_s;
    }

    void identifier()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString id = TerraformExport::identifier(name);
        QCOMPARE(id, expected);
        QVERIFY2(validIdentifier(id), qPrintable(id));
    }

    void uniqueNames()
    {
        TerraformExport e;
        e.addKeys({key(u"k1"_s, u"search"_s), key(u"k2"_s, u"search"_s), key(u"k3"_s, u"Search"_s),
                   key(u"k4"_s, u"search_2"_s), key(u"k5"_s, u""_s), key(u"k6"_s, u"检索"_s),
                   key(u"k7"_s, u"1st"_s), key(u"k8"_s, u"key_1st"_s)});
        const QStringList names = e.keyResourceNames();
        QCOMPARE(names, (QStringList{u"search"_s, u"search_2"_s, u"search_3"_s, u"search_2_2"_s, u"key"_s,
                                     u"key_2"_s, u"key_1st"_s, u"key_1st_2"_s}));
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        for (const QString &n : names)
            QVERIFY2(validIdentifier(n), qPrintable(n));

        // Rate limits have their own namespace (another resource type), named project_group.
        e.addRateLimits(kProject, u"search prod"_s,
                        {RateLimit{u"embed_large"_s, {}, 1, 1, u"ANY"_s, u"ANY"_s, {}},
                         RateLimit{u"embed_large"_s, {}, 1, 1, u"ANY"_s, u"EU"_s, {}}});
        QCOMPARE(e.rateLimitResourceNames(),
                 (QStringList{u"search_prod_embed_large"_s, u"search_prod_embed_large_2"_s}));
    }

    void hclString_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"abc"_s << u"\"abc\""_s;
        QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \\\"hi\\\"\""_s;
        QTest::newRow("backslash") << u"C:\\keys\\"_s << u"\"C:\\\\keys\\\\\""_s;
        QTest::newRow("newline, return, tab") << u"a\nb\rc\td"_s << u"\"a\\nb\\rc\\td\""_s;
        QTest::newRow("control character") << u"a\u0001b"_s << u"\"a\\u0001b\""_s;
        QTest::newRow("interpolation") << u"${var.secret}"_s << u"\"$${var.secret}\""_s;
        QTest::newRow("directive") << u"%{ if true }x%{ endif }"_s << u"\"%%{ if true }x%%{ endif }\""_s;
        QTest::newRow("already doubled") << u"$${x}"_s << u"\"$$${x}\""_s;
        QTest::newRow("lone dollar and percent") << u"50% off, $5"_s << u"\"50% off, $5\""_s;
        QTest::newRow("dollar at the end") << u"cost$"_s << u"\"cost$\""_s;
        QTest::newRow("unicode kept") << u"Café 検索 🔑"_s << u"\"Café 検索 🔑\""_s;
    }

    void hclString()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(TerraformExport::hclString(value), expected);
    }

    void configuration()
    {
        TerraformExport e;
        e.setGeneratedAt(QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc()));
        e.setSource(u"project search-prod"_s);
        const QString other = u"42b6e34b3d91647abb20e7b9"_s;
        AiKey tricky = key(u"k2"_s, u"a \"b\" ${c}\n# not a comment"_s, other);
        tricky.cloud = u"AWS"_s;
        tricky.geography = u"EU"_s;
        e.addKeys({key(u"a86r5kwrfsk5r5ku5tgvhmpj"_s, u"search service"_s), tricky},
                  {{kProject, u"search-prod"_s}, {other, u"analytics"_s}});
        e.addRateLimits(
            kProject, u"search-prod"_s,
            {RateLimit{u"embed_large"_s, {u"voyage-3-large"_s}, 3000, 5000000, u"ANY"_s, u"ANY"_s, {}}});
        const QString tf = e.render();

        QCOMPARE(tf.count(u"import {"_s), 3);
        QCOMPARE(tf.count(u"resource \"mongodbatlas_ai_model_api_key\""_s), 2);
        QCOMPARE(tf.count(u"resource \"mongodbatlas_ai_model_rate_limit\""_s), 1);
        QCOMPARE(tf.count(u'{'), tf.count(u'}'));

        QVERIFY(tf.contains(u"  to = mongodbatlas_ai_model_api_key.search_service\n"
                            u"  id = \"32b6e34b3d91647abb20e7b8/a86r5kwrfsk5r5ku5tgvhmpj\"\n"_s));
        QVERIFY(tf.contains(u"resource \"mongodbatlas_ai_model_api_key\" \"search_service\" {\n"
                            u"  project_id = \"32b6e34b3d91647abb20e7b8\"\n"
                            u"  name       = \"search service\"\n"
                            u"  cloud      = \"ANY\"\n"
                            u"  geography  = \"ANY\"\n"
                            u"}\n"_s));
        QVERIFY(tf.contains(u"  id = \"42b6e34b3d91647abb20e7b9/k2\"\n"_s));
        QVERIFY(tf.contains(u"  name       = \"a \\\"b\\\" $${c}\\n# not a comment\"\n"_s));
        QVERIFY(tf.contains(u"  cloud      = \"AWS\"\n  geography  = \"EU\"\n"_s));
        QVERIFY(tf.contains(u"  to = mongodbatlas_ai_model_rate_limit.search-prod_embed_large\n"
                            u"  id = \"32b6e34b3d91647abb20e7b8/ANY/ANY/embed_large\"\n"_s));
        QVERIFY(tf.contains(u"  model_group_name          = \"embed_large\"\n"
                            u"  requests_per_minute_limit = 3000\n"
                            u"  tokens_per_minute_limit   = 5000000\n"_s));

        // The provider is MongoDB's: without this block `terraform init` looks for
        // hashicorp/mongodbatlas. It comes before any import or resource.
        const QString providers = u"terraform {\n"
                                  u"  required_providers {\n"
                                  u"    mongodbatlas = {\n"
                                  u"      source = \"mongodb/mongodbatlas\"\n"
                                  u"    }\n"
                                  u"  }\n"
                                  u"}\n"_s;
        QCOMPARE(tf.count(providers), 1);
        QVERIFY(tf.indexOf(providers) < tf.indexOf(u"\nimport {"_s));
        QVERIFY(tf.indexOf(providers) < tf.indexOf(u"\nresource "_s));
        QVERIFY(tf.contains(u"\n\n"_s + providers));
        // Everything before it is comments.
        for (const QString &line : tf.left(tf.indexOf(providers)).split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(u'#'), qPrintable(line));

        // The header warns about the secret, and a name cannot escape its comment line.
        QVERIFY(tf.startsWith(u"# Generated by Atlas AI Keys"_s));
        QVERIFY(tf.contains(u"`secret` attribute of an imported mongodbatlas_ai_model_api_key stays null"_s));
        const QStringList lines = tf.split(u'\n');
        for (const QString &line : lines) {
            QVERIFY2(!line.startsWith(u"# not a comment"_s), "a key name broke out of its comment");
            QVERIFY2(line.size() <= 110, qPrintable(line));
        }
        QVERIFY(tf.contains(u"# Key a \"b\" ${c} # not a comment (k2)"_s));
    }

    void nothingToImport()
    {
        TerraformExport e;
        const QString tf = e.render();
        QVERIFY(tf.contains(u"Nothing to import"_s));
        QVERIFY(!tf.contains(u"import {"_s));
        QVERIFY(tf.contains(u"source = \"mongodb/mongodbatlas\""_s));
    }
};

QTEST_GUILESS_MAIN(TestTerraformExport)
#include "tst_terraformexport.moc"
