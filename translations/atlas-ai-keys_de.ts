<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Atlas AI Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop manager for MongoDB Atlas AI model API keys: the keys of Voyage AI embedding and reranking calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas rejected the credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection, any proxy settings and the profile&apos;s base URL, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and try again; if the request changed something, refresh first to see whether it went through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the base URL points at the Atlas Administration API, not a web page or a proxy&apos;s login page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s credentials: the client ID and secret of a service account, the public and private key of an API key, or get a new access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the values you entered and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s credentials; an access token may have expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs the %1 role, or this computer&apos;s IP address is not on the organization&apos;s API access list. Ask an organization owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account lacks the role this needs, or this computer&apos;s IP address is not on the organization&apos;s API access list. Ask an organization owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have been deleted, or this account cannot see it: refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Atlas AI Keys speaks an API version the server does not accept: update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It conflicts with the current state: refresh and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Atlas is limiting the request rate: wait %n second(s) and try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Atlas is limiting the request rate: wait a minute and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas had a problem on its side: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Atlas: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas did not answer in time. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas sent an answer this app cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(request: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not complete within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %1, far more than this request ever needs; it was cut off there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas refused the request from %1: the organization requires an API access list, and these credentials have none that includes this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas refused the request from %1: the address is not on the API access list of these credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to the API access list of these credentials in Atlas: Organization &gt; Access Manager &gt; Applications &gt; Service Accounts (or API Keys) &gt; Edit &gt; API Access List, or ask an organization owner to. Behind a proxy or VPN the address Atlas sees is the proxy&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer&apos;s public IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization %1 does not exist, or no longer: check the ID and refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 does not exist, or no longer: check the ID and refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials were accepted, but they lack the %1 role (or access to this project). Ask an organization owner to grant it; signing in again will not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials were accepted, but they lack the role or the project access this needs. Ask an organization owner to grant it; signing in again will not help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AtlasCliImport</name>
    <message>
        <source>&quot;%1&quot; is not text; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Atlas CLI configuration at %1. If you use the Atlas CLI, run &quot;atlas config init&quot; or &quot;atlas auth login&quot; first, or choose its config.toml yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid TOML: line %2, column %3: %4. Fix that line (or run &quot;atlas config list&quot; to see whether the Atlas CLI can read it), then import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown auth_type &quot;%1&quot;; the sign-in method was guessed from the other fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Atlas CLI login token expires after a few hours and cannot be renewed here: prefer a service account for lasting access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown service &quot;%1&quot;; Atlas (%2) was assumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The org_id &quot;%1&quot; is not a 24-hex Atlas id; it was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project_id &quot;%1&quot; is not a 24-hex Atlas id; it was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not in the file (newer Atlas CLI versions keep it in the system keyring): enter it to finish the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no Atlas CLI profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Atlas credentials are set in the environment (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a 24-hex Atlas id; it was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also set; it was not imported (only one sign-in method per profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is now in the keychain, but a plain-text copy is still in %2 (profile [%3], %4). Delete that line once the Atlas CLI no longer needs it, so the keychain holds the only copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is now in the keychain, but %2 still holds a plain-text copy: unset it, and remove it from your shell start-up files and scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no %2 yet: enter it before signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is kept for this session only: its %2 is held in memory until you quit, and nothing was written. Import it again once the keychain works to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest last use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys per project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, ID, creator or project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audited keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Select Stale and Never Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select stale and never-used keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tire Selected Keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the selected keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkRetireDialog</name>
    <message>
        <source>Retire Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a key is immediate and permanent: it stops working at once and nothing can restore it. Applications that still use one get an authentication error from their next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys to retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of keys to retire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new API key for Voyage AI embedding and reranking models. Its secret is shown once, right after the key is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: search service, production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Geography:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geography</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteKeyDialog</name>
    <message>
        <source>Delete Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion is immediate and permanent: the key stops working at once and nothing can restore it. Every application that uses it gets an authentication error from its next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the key&apos;s name to confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear a copied &amp;secret from the clipboard after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before the clipboard is cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the clipboard still holds what Atlas AI Keys put there; it is also cleared when the app quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period for new keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period for new keys, in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key is &amp;stale when unused for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days without use before a key is stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key created within the grace period is not reported as never used yet; a key not used for the stale period is reported as stale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key must be &amp;unused for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours the old key must be unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a rotation, the old key is offered for deletion only once it has gone unused this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow the system&apos;s light or dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile is one Atlas account you sign in with. Its secret is kept in your system&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet. Fill in the form below to add your first one, or import the profiles of the Atlas CLI or of your environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Production, Atlas for Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;tlas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://atlas-proxy.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;place...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the stored secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the stored secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default organization ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the organization ID, 24 hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default project ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the project ID, 24 hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the connection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateLimitView</name>
    <message>
        <source>Rate Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests per minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tokens per minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the new limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Group to Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this model group to its default limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset A&amp;ll Groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset every model group to its default limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits of the organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over-subscribed model groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameKeyDialog</name>
    <message>
        <source>Rename Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the name changes: the key&apos;s ID, its secret and the applications that use it are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotationsPanel</name>
    <message>
        <source>Rotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check both keys of every rotation now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rotations in progress. Use “Rotate Key…” on a key to replace it without an outage: the new key is created in the same project, its secret shown once, and both keys are watched here until the old one can be retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotations in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire Old Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking this rotation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Key Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in lists as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the secret to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;stored this key somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have stored this key somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerraformExportDialog</name>
    <message>
        <source>Export to Terraform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Terraform configuration that adopts these keys as they are: one import block and one resource per key, so Terraform manages them from now on without recreating them (Terraform 1.5 or later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the projects&apos; &amp;rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the projects&apos; rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An imported key&apos;s secret stays null in Terraform state: Atlas shows a secret only when the key is created. Applications keep the secrets they already have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys</name>
    <message>
        <source>Enter the base URL, for example https://cloud.mongodb.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a full URL: it needs https:// and a host name, for example https://cloud.mongodb.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must start with https:// (it starts with %1://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// would send credentials unencrypted: use https://, or http:// only to this computer (localhost, 127.0.0.1, ::1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put a user name or password in the base URL: credentials belong in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL cannot have a query (?...) or a fragment (#...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name cannot be only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is %1 characters long; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server returned the same items for page %1 and page %2, so the list cannot be read reliably; stopped instead of looping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list goes on beyond %1 pages of %2 items; stopped there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set but %2 is not: set both, or unset %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name given for the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link; give the path of a regular file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not inspect %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish writing %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a link; give the path of a regular file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a file beside %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not replace %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name holds a control or text-direction character (U+%1) at position %2; use printable characters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geography</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an organization ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a project ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloud provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a geography</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: Atlas writes them as 24 hexadecimal digits (0-9 and lowercase a-f), such as 32b6e34b3d91647abb20e7b8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That %1 is %2 characters long, too long to be one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: it may hold only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIT licence (see the LICENSE file that comes with the program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AccessTokenAuthenticator</name>
    <message>
        <source>there is no access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access token was refused; access tokens are short-lived, so it has probably expired. Get a new one, or sign in with a service account instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ApiCall</name>
    <message>
        <source>Signed out: sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection closed before Atlas answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request path %1 holds a &quot;.&quot; or &quot;..&quot; segment; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ApiKeyAuthenticator</name>
    <message>
        <source>the programmatic API key (public key &quot;%1&quot; and its private key) was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked for the API key, which is sent only to %2; it was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key was not sent: %1 Check the base URL; a proxy that inspects HTTPS traffic can also change how the server asks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AppController</name>
    <message>
        <source>No Such Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of your profiles instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo Atlas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-In Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in as “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as “%1” needs its secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out. Secrets kept for this session only were forgotten: enter them again to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” was removed, so you were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its connection settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its %1 was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in again as “%1” because %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in again as “%1” because %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” changed (%2): signing out, then in again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AtlasClient</name>
    <message>
        <source>Choose the key&apos;s cloud and geography scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the model group&apos;s name, such as embed_large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute and tokens per minute must both be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rate limit cannot be above %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AuditJob</name>
    <message>
        <source>Project names could not be read, so projects are shown by ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s name could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key list ended without an answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AuditKeyModel</name>
    <message numerus="yes">
        <source>%n day</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Never used, and created more than %1 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used more than %1 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used yet, and created %1 ago or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used %1 ago or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never used: created more than %1 ago and never used. Stale: last used more than %2 ago.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::AuditView</name>
    <message numerus="yes">
        <source>%n key</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit of organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading keys: page %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made %1. Never used: no use, created more than %2 ago. Stale: last used more than %3 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key in the audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, key “%2”%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key has been used yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more project</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more projects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Showing every key (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing keys last used: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing stale and never-used keys (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retiring Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retiring keys: 0 of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: waiting for the deletes already sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retiring keys: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key could not be retired:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys could not be retired:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key was not attempted after Cancel.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys were not attempted after Cancel.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retire Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Audit as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Audit as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the audit to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the audit to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 never used (created more than %2 ago), %3 recently created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing keys with no use yet, never used or recently created (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::Auth</name>
    <message>
        <source>Service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmatic API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::BulkRetireDialog</name>
    <message>
        <source>Retire Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retire %n Key</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retire %n Keys</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retire the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n keys?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of these keys is in use (active or recently created). Check that nothing needs it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these keys are in use (active or recently created). Check that nothing needs them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>To confirm, type the number of keys to retire (%1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::BulkRetireJob</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::CompositeJob</name>
    <message>
        <source>Signed out: sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::CreateKeyCall</name>
    <message>
        <source>the key was created, but the answer holds no secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::CreateKeyDialog</name>
    <message>
        <source>Create &amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project to create the key in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas offers no scope (cloud and geography) for new keys.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::CredentialManager</name>
    <message>
        <source>Profile &quot;%1&quot; is already saved with its secret in the keychain, so it cannot become a session-only profile. Duplicate it for a session-only copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; now signs in with a %2: enter its %3, the stored %4 does not work with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous secret of this profile (keychain entry &quot;%1&quot; of service &quot;%2&quot;) could not be deleted: %3 You can delete it in your password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such profile: it may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again and enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is stored for profile &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of profile &quot;%2&quot; could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new %1 of profile &quot;%2&quot; was not saved; the profile keeps its previous one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no stored secret, so its copy has none either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not duplicated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry &quot;%1&quot; of service &quot;%2&quot; could not be deleted: delete it in your password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not deleted, so that its secret does not stay behind in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or delete the profile anyway and remove the entry &quot;%1&quot; in your password manager later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter it again in the profile (Manage Profiles, Replace).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::DeleteKeyDialog</name>
    <message>
        <source>Delete Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the key “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key was used %1, so it is probably still in service. To delete it anyway, type its name, “%2”:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::DemoSimulator</name>
    <message>
        <source>The bundled Atlas simulator (atlas-sim) was not found next to the application or under libexec; reinstall the application or set AIKEYS_SIM to its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Atlas simulator did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Atlas simulator did not report its address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::EmbeddingTest</name>
    <message>
        <source>The key names no endpoint to test it against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an endpoint this app can test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses plain http://, which would send the key unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no secret to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works: %1 answered the test request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was refused: %1 did not accept it%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was accepted but is not allowed to make this request%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was accepted, but its rate limit was reached%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a problem on its side: HTTP %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the test request: HTTP %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer this app cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the whole secret was copied; the key may also have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and any proxy settings, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::KeyClassifier</name>
    <message>
        <source>Never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-7 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-30 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30-90 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 90 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No use yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::KeyNameRules</name>
    <message>
        <source>The name has not changed: type a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project already has a key with this name: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::KeyTableModel</name>
    <message>
        <source>Never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas sent a last-use time this app cannot read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::KeysView</name>
    <message>
        <source>New key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a role your account does not have in this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, key ID or creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key in the selected project (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Masked Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the masked form of the key (not the secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas did not answer as expected; trying again in %1 s (attempt %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating, renaming and deleting keys in %1 needs a role your account does not have there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating, renaming and deleting keys in %1 needs the %2 role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an Organization Owner or Project Owner for it, or sign in with another profile. You can still view and copy keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot create keys here: that needs %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: that needs %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected key (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected key (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a project or an organization to see its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading was stopped. Press %1 to load the keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no keys yet. Create one with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This organization has no keys yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n keys</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n keys shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot create keys in any project of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the key “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer to the create; checking whether the key “%1” exists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key May Have Been Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas&apos;s answer to the creation of “%1” was lost, and the list of keys could not be read to check whether it exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Refresh the list before trying again. If a key named “%2” is there, its secret is lost: delete it and create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Not Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” was not created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas did not answer (%1), and the project has no key of that name. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Created Without Its Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” was created, but Atlas&apos;s answer was lost on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas shows a key&apos;s secret only once, in the answer to its creation, so the secret of this key cannot be recovered. Nobody can use the key without it.

Delete the key now? You can then create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone deleted it before it could be renamed. It was removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” had already been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else (or an earlier attempt whose answer was lost) deleted it first. It was removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”. You can create a new key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID of “%1” copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked key of “%1” copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n not used yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Atlas sent %n key(s) this app could not read completely.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>They are listed with the unreadable values shown as unknown (a key without an ID is left out). Atlas may have changed its answer format: check for an update of Atlas AI Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” is no longer in Atlas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the %1 was lost; Atlas no longer has the key, so it was removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of “%2” may or may not have been made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Atlas could not be asked afterwards either: refresh (F5) to see what it holds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the %1 of “%2” was lost or unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list shows the key as Atlas holds it now (named “%1”); repeat the %2 if it did not go through.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::LastUseChart</name>
    <message numerus="yes">
        <source>%n key</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keys by time since last use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table shows the keys of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys to chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show every key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show these keys in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::MainWindow</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organizations could not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account sees no organization or project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard clears in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter organizations and projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations and projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations and Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out: revoke the session&apos;s token and forget its credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the organizations, projects and keys again (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Atlas AI Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas no longer accepts the credentials of %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one of these projects to see its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate &amp;Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a replacement for the selected key, then retire the old one once it is no longer used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;Terraform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write import and resource blocks for the selected keys, or for every key of the project or organization shown, so Terraform can adopt them without recreating them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stopped. Press %1 to load again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::MessageBar</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::OrgTreeLoader</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::OrgTreeModel</name>
    <message>
        <source>Other projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects you can see in organizations you cannot list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::PreferencesDialog</name>
    <message>
        <source>Save the preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preferences could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it. They apply until the app quits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::PrivateSecurity</name>
    <message>
        <source>Could not determine the current user to protect %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not build the permissions for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::Profile</name>
    <message>
        <source>Enter a name for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name is %1 characters long; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name cannot contain line breaks, tabs or other control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client id of the service account (it starts with mdb_sa_id_).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the public key of the programmatic API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id cannot contain spaces or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key cannot contain spaces or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization id must be 24 hexadecimal characters (0-9, a-f) as Atlas shows it; &quot;%1&quot; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project id must be 24 hexadecimal characters (0-9, a-f) as Atlas shows it; &quot;%1&quot; is not.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ProfileImportDialog</name>
    <message>
        <source>Import from the Atlas CLI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Environment Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas CLI configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas CLI Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOML files (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becomes profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the checked profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no Atlas CLI profile with credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MONGODB_ATLAS_* credentials are set in this environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) found in %1. Each checked one becomes a profile here:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Credentials found in the MONGODB_ATLAS_* environment variables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets move into your keychain. %1 keeps its plain-text copy: delete those lines once the Atlas CLI no longer needs them, so that the keychain holds the only copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets move into your keychain. The variables keep their copy: unset them, and remove them from your shell start-up files and scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) were imported before that.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In the file (plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is in the file in plain text (%2); it moves into your keychain, and the file keeps its copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is in %2; it moves into your keychain, and the variable keeps its copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the %1, or add it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not in the file: newer Atlas CLI versions keep it in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) for this session only.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kept from your input</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Or import %n profile(s) for this session only: their secrets stay in memory until you quit and are never written anywhere. Import them again once the keychain works to keep them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Use for This &amp;Session Only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ProfileStore</name>
    <message>
        <source>A profile named &quot;%1&quot; already exists: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile with this id already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such profile: it may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ProfilesDialog</name>
    <message>
        <source>Checking...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas (cloud.mongodb.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas for Government (cloud.mongodbgov.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Atlas CLI Config...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Environment Variables...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the new profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to profile &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mdb_sa_id_...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key&apos;s public key, for example abcdefgh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 for the new sign-in method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None stored: enter it to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or use the profile for this session only: its secret stays in memory until you quit and is never written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for This &amp;Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is kept for this session only: nothing was written. Save it again once the keychain works to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; duplicated as &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was kept for this session only; its secret is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 is deleted from the keychain too. Nothing changes in Atlas: the account and its keys stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed; its secret was deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to %1. These credentials see no organization (an account with project roles only sees just its projects).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1. These credentials see %n organization(s): %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can also type the %1 above and test with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is locked: unlock your keyring (log in again, or open Passwords and Keys), then open this dialog again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::QtKeychainSecretStore</name>
    <message>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service (gnome-keyring, KWallet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::RateLimitPlan</name>
    <message>
        <source>Requests per minute must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute cannot be above the organization&apos;s limit of %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute cannot be above the organization&apos;s limit of %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rate limit cannot be above %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::RateLimitView</name>
    <message>
        <source>Model group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization&apos;s ceiling for requests per minute: no project may be set above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization&apos;s ceiling for tokens per minute: no project may be set above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the project&apos;s requests per minute could still be raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the project&apos;s tokens per minute could still be raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects&apos; requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects&apos; tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits of project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the rate limits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization&apos;s limits could not be read (%1), so ceilings and headroom are not shown; Atlas still refuses values above them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits of organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the organization&apos;s limits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the projects&apos; limits: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above the organization&apos;s ceiling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked the limits of %1 of %2 projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read and are left out of the sums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model group is over-subscribed: the projects&apos; limits fit within the organization&apos;s ceilings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/min against a ceiling of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/min against a ceiling of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests/min, %3 tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the organization&apos;s ceiling: it cannot be raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 (the organization&apos;s limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the organization&apos;s limit is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no model group “%1” in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now allows %2 requests and %3 tokens per minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not reset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is back to its default limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset All Rate Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the rate limits of every model group in %1 to their defaults?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customised limit of the project is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting every model group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rate limits were not reset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model group is back to its default limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the projects&apos; limits of a model group add up to more than the organization&apos;s, one busy project can starve the others:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the projects&apos; limits add up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One busy project can use up the organization&apos;s limit and starve the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org max
requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests
headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org max
tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens
headroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projects of this organization together allow more than the organization&apos;s ceiling for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One busy project can use up the organization&apos;s limit and starve the others. See the organization&apos;s rate limits: select the organization, then Rate Limits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::RenameKeyDialog</name>
    <message>
        <source>Rename Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::RotationTracker</name>
    <message>
        <source>Waiting for the new key&apos;s first use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key in use, old key still used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to retire the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key already deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotations file is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotations file has an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In another Atlas: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation of “%1” was started in another Atlas (%2), not the one signed in to (%3): its old key is not retired from here. Sign in to that Atlas to retire it, or stop tracking the rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::RotationsPanel</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n seconds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key of a rotation could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key idle since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last used %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the new key&apos;s first use: switch your applications to “%1”. The old key stays valid until you retire it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key in use, old key still used (last %1): some applications have not switched yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key in use. Old key idle since %1 (%2); retiring it is suggested from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key in use, and the old key idle since %1 (%2): retire the old key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key no longer exists: the rotation is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key no longer exists, so the old key must stay. Rotate the old key again to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: retire the old key “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire Old Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1. Both keys are checked %2 while the app runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replacement for “%1”, in the same project and scope. Its secret is shown once; then the Rotations panel watches both keys and suggests retiring the old one once applications have switched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the replacement for “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the create was lost: the replacement “%1” may exist, but its secret cannot be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the project&apos;s keys: delete the key if it appeared, then rotate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created “%1”. Switch your applications to it; this panel shows when the old key can be retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire Old Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key “%1” no longer exists, so the old key is the only one left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the old key again to replace it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the old key “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has not been used since %1 (%2), and the new key “%3” is in use. Deletion is immediate and permanent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key has not been used yet: your applications may not have switched to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key was used %1, after the new key came into use: some applications still use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key has been idle for %1 only; the suggested wait is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire Old Key Early?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retiring “%1” now may break applications that still use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it anyway? Deletion is immediate and permanent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key could not be retired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired “%1”: the rotation is complete, “%2” replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking the rotation of “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both keys stay as they are; only this panel forgets them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key test of %1 does not count as an application&apos;s use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In another Atlas (%1): its keys are not checked, nor retired, from this session. Sign in to that Atlas to continue the rotation, or stop tracking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked %1, from a session of that Atlas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key “%1” is not in the Atlas you are signed in to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::SecretDialog</name>
    <message>
        <source>Key Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” was created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time this secret will be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlas does not keep a copy you can see again. Copy it or save it to a file now, and store it somewhere safe, such as a password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write VOYAGE_API_KEY=… to a file that only you can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one small embeddings request with this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard clears in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds something else now; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask the secret (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Key&apos;s Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment files (*.env);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. Only you can read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Save the Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Without Storing the Key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will not see this secret again. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::SecretPrompt</name>
    <message>
        <source>Sign In to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain cannot be used right now, so the %1 is kept in memory for this session only: it is never written anywhere, and you will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept in memory for this session only and never written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is stored in your system&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 of profile &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::SecretStore</name>
    <message>
        <source>The secret could not be read from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be deleted from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available (no Secret Service such as gnome-keyring or KWallet is running in this session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is locked, or it has no default keyring to store into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access was denied (the prompt was dismissed, or this app is not allowed to use the keychain; a locked keychain can also answer this way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Keychain said: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no entry for this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is locked, so its entries can be neither read nor deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the secret again in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install and start a keychain service (gnome-keyring or KWallet) and log in to a desktop session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your keyring, then try again: log out and in again (logging in unlocks it), or unlock it in your desktop&apos;s password manager (Passwords and Keys, also called Seahorse; KWallet Manager; Keychain Access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again and allow Atlas AI Keys when the keychain asks; if the keychain is locked, unlock it in your desktop&apos;s password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keychain prompt may be waiting behind other windows: look for it, answer it, then try again. If there is none, the keychain service may be stuck: restart it (or log out and in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, check your keychain service (gnome-keyring, KWallet, Keychain Access, Windows Credential Manager).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or sign in for this session only: the secret is then kept in memory until the app quits and is never written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::ServiceAccountAuthenticator</name>
    <message>
        <source>the service account&apos;s client ID or secret was not accepted by the token endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a freshly issued service-account token was refused. The service account may have been deleted or lack access, or its secret revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::SessionOpener</name>
    <message>
        <source>No %1 is stored for profile &quot;%2&quot;: it has not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; now signs in with a %2, and the stored %3 does not work with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 was entered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::TerraformExportDialog</name>
    <message>
        <source>Export to Terraform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the configuration to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected keys.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every key of project %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of organization %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading rate limits: %1 of %2 projects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key to import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keys to import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate limit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate limits</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save the Terraform Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform files (*.tf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::TerraformExportJob</name>
    <message>
        <source>The project&apos;s name could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project names could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rate limits of project %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected key</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected keys</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::TokenCall</name>
    <message>
        <source>the token endpoint&apos;s answer holds no access_token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aikeys::digest</name>
    <message>
        <source>the server asked for Digest authentication with algorithm %1, which this app does not use (it answers MD5 or SHA-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s Digest challenge holds control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked for Digest authentication without qop=auth and a nonce, a weaker form this app does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked for authentication without saying how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked for Basic authentication, which would send the private key in a form anyone who sees the request can decode; this app answers only Digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked for %1 authentication; this app answers only Digest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop manager for MongoDB Atlas AI model API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the bundled Atlas simulator with demo data and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the profile called &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this project or organization (name or ID) once it is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing aid: save a PNG of the window to &lt;file&gt; once the first load has finished, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing aid: quit after &lt;ms&gt; milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo and --profile cannot be combined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after takes a positive number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
