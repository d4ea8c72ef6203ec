#pragma once

#include <QMainWindow>

class QListWidget;
class QLabel;

namespace aikeys {

class AtlasClient;

// A first window: the organizations and projects the signed-in account sees.
class StartWindow : public QMainWindow
{
    Q_OBJECT

public:
    StartWindow(AtlasClient *client, bool demo, QWidget *parent = nullptr);

    void reload();

private:
    AtlasClient *m_client;
    QListWidget *m_list;
    QLabel *m_status;
};

} // namespace aikeys
