#include "startwindow.h"

#include "atlas/atlasclient.h"

#include <QLabel>
#include <QListWidget>
#include <QStatusBar>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys {

StartWindow::StartWindow(AtlasClient *client, bool demo, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"startWindow"_s);
    m_list->setObjectName(u"projectList"_s);
    setWindowTitle(demo ? tr("Atlas AI Keys — Demo") : tr("Atlas AI Keys"));
    setCentralWidget(m_list);
    statusBar()->addWidget(m_status, 1);
    resize(900, 600);
    reload();
}

void StartWindow::reload()
{
    m_list->clear();
    m_status->setText(tr("Loading organizations…"));
    auto *orgs = m_client->listOrganizations();
    connect(orgs, &Job::finished, this, [this, orgs] {
        if (orgs->error()) {
            m_status->setText(orgs->error().toString());
            return;
        }
        m_status->setText(tr("%n organization(s)", nullptr, int(orgs->items().size())));
        for (const Organization &org : orgs->items()) {
            auto *projects = m_client->listProjects(org.id);
            const QString orgName = org.name;
            connect(projects, &Job::finished, this, [this, projects, orgName] {
                if (projects->error()) {
                    m_list->addItem(orgName + u": "_s + projects->error().message());
                    return;
                }
                for (const Project &p : projects->items())
                    m_list->addItem(orgName + u" / "_s + p.name);
            });
        }
    });
}

} // namespace aikeys
