db.users.deleteMany({});
