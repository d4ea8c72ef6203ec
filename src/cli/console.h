#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdio>

namespace aikeys::cli {

// Where a run writes. Standard output carries results only (what a script parses); everything
// meant for the person (errors, notices, prompts, progress) goes to standard error.
class Console
{
public:
    Console(std::FILE *out, std::FILE *err);

    void out(const QString &text);
    // Raw bytes to standard output, for a secret that never becomes a QString.
    void outBytes(QByteArrayView bytes);
    void err(const QString &text);
    // One line to standard error, with its newline.
    void errLine(const QString &text);
    void flush();

    // False once a write to standard output failed (a full disk, a closed pipe).
    bool outOk() const { return m_outOk; }

private:
    std::FILE *m_out;
    std::FILE *m_err;
    bool m_outOk = true;
};

} // namespace aikeys::cli
