#pragma once
// The library of reply templates (chats and reviews): the built-in ones and
// the seller's own, kept on the device (and so in backups). Editing a
// built-in template keeps the seller's copy under the same id; deleting it
// brings the built-in one back. No screen of its own: the reply boxes open it.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/posting.h"
#include "core/reply_template.h"

namespace app {

struct SaveReplyTemplate {
  core::ReplyTemplate tmpl;  // id "" = a new one
};
struct DeleteReplyTemplate {
  std::string id;
};
// The template being written or edited, as typed (a draft kept on the
// device); nullopt closes the editor.
struct EditReplyTemplate {
  std::optional<core::ReplyTemplate> tmpl;
};

class ReplyTemplates final : public Feature {
 public:
  explicit ReplyTemplates(App& app);
  static constexpr std::string_view kId = "templates";
  std::string_view id() const override { return kId; }
  bool has_screen() const override { return false; }

  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void forget_local_data() override {
    own_.clear();
    editing_.reset();
  }

  // For `use` ("chat", "review"): the seller's first, then the built-in ones they did not replace.
  std::vector<core::ReplyTemplate> templates(std::string_view use) const;
  const std::vector<core::ReplyTemplate>& own() const { return own_; }
  const std::optional<core::ReplyTemplate>& editing() const { return editing_; }
  // The placeholders' values from a posting (null: none known).
  core::TemplateValues values_for(const core::Posting* posting) const;
  // What the seller reads beside the Russian text, in their language.
  std::string meaning_of(const core::ReplyTemplate& tmpl) const;

  void on(const SaveReplyTemplate&);
  void on(const DeleteReplyTemplate&);
  void on(const EditReplyTemplate&);

 private:
  std::vector<core::ReplyTemplate> own_;
  std::optional<core::ReplyTemplate> editing_;
  int next_own_ = 1;
};

}  // namespace app
