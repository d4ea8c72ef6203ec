#include "credentials/environment.h"

#include "logging.h"
#include "security/secretbuffer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::Environment", text);
}

QString name(const char *variable)
{
    return QString::fromLatin1(variable);
}

// One variable's value and the spelling it was found under.
struct Found
{
    QString value;
    QString variable;
    bool isSet() const { return !value.isEmpty(); }
};

Found lookup(const QProcessEnvironment &env, std::initializer_list<const char *> spellings)
{
    for (const char *spelling : spellings) {
        const QString variable = name(spelling);
        QString value = env.value(variable);
        if (!value.isEmpty())
            return {std::move(value), variable};
    }
    return {};
}

// A pair (id, secret) of one credential kind: complete, absent, or a problem naming what is missing.
struct Pair
{
    Found id;
    Found secret;
    QString problem;
    bool complete() const { return id.isSet() && secret.isSet(); }
};

Pair readPair(const QProcessEnvironment &env, std::initializer_list<const char *> idSpellings,
              std::initializer_list<const char *> secretSpellings, const char *oldIdSpelling,
              const char *oldSecretSpelling)
{
    Pair p;
    p.id = lookup(env, idSpellings);
    p.secret = lookup(env, secretSpellings);
    if (p.id.isSet() && !p.secret.isSet()) {
        // Name the secret's spelling that matches the id's, so the fix is one copy and paste.
        const bool oldStyle = oldIdSpelling && p.id.variable == name(oldIdSpelling);
        const QString missing = oldStyle ? name(oldSecretSpelling) : name(*secretSpellings.begin());
        p.problem = tr("%1 is set but %2 is not: set both, or unset %1.").arg(p.id.variable, missing);
    } else if (!p.id.isSet() && p.secret.isSet()) {
        const bool oldStyle = oldSecretSpelling && p.secret.variable == name(oldSecretSpelling);
        const QString missing = oldStyle ? name(oldIdSpelling) : name(*idSpellings.begin());
        p.problem = tr("%1 is set but %2 is not: set both, or unset %1.").arg(p.secret.variable, missing);
    }
    return p;
}

Credentials take(AuthMode mode, Pair &pair)
{
    Credentials c;
    c.mode = mode;
    c.id = pair.id.value;
    c.secret = SecretBuffer::fromUtf8(pair.secret.value);
    SecretBuffer::wipeString(pair.secret.value);
    return c;
}

} // namespace

QStringList atlasCredentialVariables()
{
    return {name(atlasenv::kClientId),      name(atlasenv::kClientSecret), name(atlasenv::kPublicApiKey),
            name(atlasenv::kPrivateApiKey), name(atlasenv::kPublicKeyOld), name(atlasenv::kPrivateKeyOld),
            name(atlasenv::kAccessToken)};
}

EnvironmentCredentials readAtlasEnvironment(const QProcessEnvironment &env)
{
    EnvironmentCredentials out;
    out.baseUrl = env.value(name(atlasenv::kBaseUrl)).trimmed();
    out.orgId = env.value(name(atlasenv::kOrgId)).trimmed();
    out.projectId = env.value(name(atlasenv::kProjectId)).trimmed();

    Pair serviceAccount = readPair(env, {atlasenv::kClientId}, {atlasenv::kClientSecret}, nullptr, nullptr);
    Pair apiKey = readPair(env, {atlasenv::kPublicApiKey, atlasenv::kPublicKeyOld},
                           {atlasenv::kPrivateApiKey, atlasenv::kPrivateKeyOld}, atlasenv::kPublicKeyOld,
                           atlasenv::kPrivateKeyOld);
    Found token = lookup(env, {atlasenv::kAccessToken});

    QStringList problems;
    if (!serviceAccount.problem.isEmpty())
        problems << serviceAccount.problem;
    if (!apiKey.problem.isEmpty())
        problems << apiKey.problem;
    if (!problems.isEmpty()) {
        out.problem = problems.join(u'\n');
        SecretBuffer::wipeString(serviceAccount.secret.value);
        SecretBuffer::wipeString(apiKey.secret.value);
        SecretBuffer::wipeString(token.value);
        return out;
    }

    // Service accounts are what MongoDB recommends, then API keys; a bare token expires soonest.
    if (serviceAccount.complete()) {
        out.credentials = take(AuthMode::ServiceAccount, serviceAccount);
        if (apiKey.complete())
            out.ignoredKinds << apiKey.id.variable;
        if (token.isSet())
            out.ignoredKinds << name(atlasenv::kAccessToken);
    } else if (apiKey.complete()) {
        out.credentials = take(AuthMode::ApiKey, apiKey);
        if (token.isSet())
            out.ignoredKinds << name(atlasenv::kAccessToken);
    } else if (token.isSet()) {
        Credentials c;
        c.mode = AuthMode::AccessToken;
        c.secret = SecretBuffer::fromUtf8(token.value);
        out.credentials = std::move(c);
    }
    SecretBuffer::wipeString(serviceAccount.secret.value);
    SecretBuffer::wipeString(apiKey.secret.value);
    SecretBuffer::wipeString(token.value);
    if (out.credentials)
        qCDebug(lcCredentials).noquote()
            << "credentials from the environment:" << authModeId(out.credentials->mode);
    return out;
}

} // namespace aikeys
