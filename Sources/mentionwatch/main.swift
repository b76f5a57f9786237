import MentionCore; print(lexiconBytes.count); print(PackageResources.a_xml.count)
